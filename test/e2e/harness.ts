import { startStandin, type Standin, type StandinOptions } from '../standin';
import {
	createInstance,
	ensureN8n,
	importCredentials,
	importWorkflow,
	installCommunityPackage,
	standinCredential,
	type CredentialToImport,
	type Execution,
	type N8nInstance,
	type N8nLine,
	type OutputItem,
	type Workflow,
} from '../../scripts/n8n';
import { packedTarball } from './lines';

export const API_KEY = 'e2e-key-7f3a';

/** One real n8n with the packed package installed, beside a fresh stand-in. */
export interface LineContext {
	instance: N8nInstance;
	standin: Standin;
	credential: CredentialToImport;
	dispose(): Promise<void>;
}

export async function prepareLine(
	line: N8nLine,
	workflows: Workflow[],
	standinOptions: StandinOptions = {},
): Promise<LineContext> {
	const install = await ensureN8n(line);
	const instance = await createInstance(install);
	const standin = await startStandin({ ...standinOptions, apiKeys: [API_KEY] });
	const dispose = async () => {
		await standin.close();
		instance.dispose();
	};
	try {
		await installCommunityPackage(instance, packedTarball());
		const credential = standinCredential(workflows[0], standin.url, API_KEY);
		await importCredentials(instance, [credential]);
		await importWorkflow(instance, workflows);
		return { instance, standin, credential, dispose };
	} catch (error) {
		await dispose();
		throw error;
	}
}

/** The input item indexes an output item says it came from, in order. */
export function pairedIndexes(item: OutputItem): number[] {
	const paired = item.pairedItem;
	const list = paired === undefined ? [] : Array.isArray(paired) ? paired : [paired];
	return list
		.map((entry) => (typeof entry === 'number' ? entry : entry.item))
		.sort((a, b) => a - b);
}

/** What the stand-in received, as "METHOD /path?query", in order. */
export function requestsSeen(context: LineContext): string[] {
	return context.standin.requests.map((request) => `${request.method} ${request.url}`);
}

/** Why an execution did not finish: the run's error, or the end of what n8n printed. */
export function failureDetails(execution: Execution): string {
	const output = `${execution.stdout}\n${execution.stderr}`.trim().split('\n').slice(-20);
	const error = execution.run?.data.resultData.error?.message;
	return `n8n exited with ${execution.exitCode}: ${error ?? output.join('\n')}`;
}
