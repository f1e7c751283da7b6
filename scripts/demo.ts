// `npm run demo`: the packed package in a real n8n, started headlessly against the local
// Patchworks stand-in. PATCHWORKS_DEMO_N8N=1.123 picks the n8n 1.x line instead of 2.40.
import { rmSync } from 'node:fs';
import { startStandin } from '../test/standin';
import type { RecordedRequest } from '../test/standin';
import {
	createInstance,
	ensureN8n,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	installCommunityPackage,
	lineById,
	nodeOutput,
	packRepository,
	progress,
	readExampleWorkflow,
	standinCredential,
	type N8nInstance,
} from './n8n';

const API_KEY = 'demo-key';
const cleanups: Array<() => unknown> = [];

// Enough of the secret to recognise it, never enough to use it.
function mask(value: string | undefined): string {
	if (!value) return '(none)';
	const [scheme, secret] = value.startsWith('Bearer ') ? ['Bearer ', value.slice(7)] : ['', value];
	return `${scheme}${secret.slice(0, 2)}${'*'.repeat(Math.max(secret.length - 2, 3))}`;
}

function describePayload(request: RecordedRequest): string[] {
	const body = JSON.parse(request.text) as { payload?: unknown };
	if (typeof body.payload !== 'string') return [`  body: ${request.text.slice(0, 300)}`];
	const records = JSON.parse(body.payload) as unknown;
	const count = Array.isArray(records) ? `${records.length} records` : 'not an array';
	return [
		`  body size: ${request.body.length} bytes; payload string: ${Buffer.byteLength(body.payload)} bytes, ${count}`,
		`  payload starts: ${body.payload.slice(0, 300)}…`,
	];
}

async function main() {
	const started = Date.now();
	const line = lineById(process.env.PATCHWORKS_DEMO_N8N);
	const [install, packed] = await Promise.all([ensureN8n(line), packRepository()]);
	cleanups.push(() => rmSync(packed.dir, { recursive: true, force: true }));

	const instance: N8nInstance = await createInstance(install);
	cleanups.push(() => instance.dispose());
	progress(`installing ${packed.tarball} as a community package`);
	await installCommunityPackage(instance, packed.tarball);

	const standin = await startStandin({ apiKeys: [API_KEY] });
	cleanups.push(() => standin.close());
	const workflow = readExampleWorkflow();
	await importCredentials(instance, [standinCredential(workflow, standin.url, API_KEY)]);
	await importWorkflow(instance, [workflow]);
	const execution = await executeWorkflow(instance, workflow.id);

	const run = execution.run;
	const error = run?.data.resultData.error;
	if (!run || error || execution.exitCode !== 0) {
		const reason = error?.message ?? `n8n exited with ${execution.exitCode} and printed no run`;
		const output = `${execution.stdout}\n${execution.stderr}`.trim().split('\n').slice(-30);
		throw new Error(
			`The workflow failed: ${reason}\n--- n8n output (last lines) ---\n${output.join('\n')}`,
		);
	}
	const flowRunId = nodeOutput(run, 'Patchworks')[0]?.json.flowRunId;
	const request = standin.requests.find((r) => r.method === 'POST');
	if (!request) throw new Error('The stand-in received no POST request');
	if (flowRunId === undefined) throw new Error('The Patchworks node output has no flowRunId');

	const lines = [
		'',
		`n8n ${install.line.version} ran "${workflow.name}"`,
		`flow run id in the Patchworks node's output: ${String(flowRunId)}`,
		`runs the stand-in started: ${standin.runs.map((r) => r.id).join(', ') || 'none'}`,
		`stand-in received ${standin.requests.length} request(s); the start request:`,
		`  ${request.method} ${request.url}`,
		`  authorization: ${mask(request.headers.authorization)}`,
		...describePayload(request),
		`done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		'',
	];
	process.stdout.write(lines.join('\n'));
}

// Runs each cleanup once, newest first, even if Ctrl-C arrives during a failure.
async function cleanUp() {
	for (const cleanup of cleanups.splice(0).reverse()) {
		try {
			await cleanup();
		} catch (error) {
			progress(`cleanup failed: ${(error as Error).message}`);
		}
	}
}

process.once('SIGINT', () => {
	void cleanUp().then(() => process.exit(130));
});

main()
	.then(cleanUp)
	.catch(async (error: Error) => {
		await cleanUp();
		process.stderr.write(`\ndemo failed: ${error.message}\n`);
		process.exit(1);
	});
