// Run by proxy.test.ts in a Node process of its own, because NODE_EXTRA_CA_CERTS is read only
// when a process starts. Runs Orders → Patchworks and then the credential test with the
// credential given as JSON in argv, and prints both outcomes as one JSON line.
import { runWorkflow } from '../../../helpers/engine';
import { startNode } from '../setup';
import { testCredential } from './credential-test';

export interface ChildReport {
	error: { message: string; description: string | null | undefined } | null;
	output: unknown;
	credentialTest: unknown;
}

async function main() {
	const credentials = JSON.parse(process.argv[2]) as Record<string, string>;
	const result = await runWorkflow({
		items: [{ json: { sku: 'S1' } }],
		nodes: [startNode()],
		credentials,
	});
	const report: ChildReport = {
		error: result.error
			? { message: result.error.message, description: result.error.description }
			: null,
		output: result.outputs('Patchworks'),
		credentialTest: await testCredential(credentials),
	};
	// n8n-core leaves timers behind; the report is all the parent needs.
	process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
}

main().catch((error: unknown) => {
	process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
	process.exitCode = 1;
});
