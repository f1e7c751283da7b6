import { WorkflowExecute, WorkflowHasIssuesError } from 'n8n-core';
import {
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type INodeType,
	type IVersionedNodeType,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore } from './credential-store';
import { TestCredentialsHelper } from './credentials-helper';
import { type LoadedPackage, loadPackage } from './package-loader';
import { refusedRun, toResult, type WorkflowResult } from './result';
import {
	buildWorkflow,
	type FixtureItem,
	only,
	toWorkflowData,
	type WorkflowNodeSpec,
} from './workflow';

export type { FixtureItem, WorkflowNodeSpec } from './workflow';
export type { WorkflowResult } from './result';
export { CredentialStore } from './credential-store';

export interface RunWorkflowOptions {
	/** Output of the fixture node "Orders", the first node of the workflow. */
	items: FixtureItem[];
	/** Chained in order after "Orders", each on the main output 0 of the one before. */
	nodes: WorkflowNodeSpec[];
	/** The one saved credential: its data, or a store kept from an earlier run. */
	credentials?: ICredentialDataDecryptedObject | CredentialStore;
	/** Defaults to the package's only credential type. */
	credentialType?: string;
	/** A built community package; defaults to this repository. */
	packageDir?: string;
	mode?: WorkflowExecuteMode;
	settings?: IWorkflowSettings;
	/** Node types from elsewhere, such as n8n's own nodes for a benchmark. */
	extraNodeTypes?: Record<string, INodeType | IVersionedNodeType>;
}

export interface RunningWorkflow {
	result: Promise<WorkflowResult>;
	/** Cancels as n8n's "stop execution" does: the execution's abort signal fires. */
	cancel(): void;
}

let executionCounter = 0;

/**
 * Runs Orders → nodes… in n8n-core's own WorkflowExecute, in this process, with the node
 * types of a built package loaded as n8n loads community packages.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowResult> {
	return await startWorkflow(options).result;
}

/** Like `runWorkflow`, but hands back a way to cancel the execution while it runs. */
export function startWorkflow(options: RunWorkflowOptions): RunningWorkflow {
	let cancelled = false;
	let execution: { cancel(): void } | undefined;
	const result = (async () => {
		const pkg = await loadPackage(options.packageDir);
		const store = toStore(pkg, options);
		const { workflow, fixture } = buildWorkflow(
			pkg,
			options.nodes,
			store,
			options.settings,
			options.extraNodeTypes,
		);
		const mode = options.mode ?? 'manual';
		const executionId = String(++executionCounter);
		const additionalData = createAdditionalData(
			executionId,
			mode,
			toWorkflowData(workflow),
			new TestCredentialsHelper(pkg, store),
		);
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{
						node: fixture,
						data: { main: [options.items.map(({ json, binary }) => ({ json, binary }))] },
						source: null,
					},
				],
			},
		});
		const running = new WorkflowExecute(additionalData, mode, runExecutionData);
		let promise: ReturnType<WorkflowExecute['processRunExecutionData']>;
		try {
			promise = running.processRunExecutionData(workflow);
		} catch (error) {
			if (!(error instanceof WorkflowHasIssuesError)) throw error;
			// A workflow with issues (e.g. an empty required parameter) is refused before any
			// node runs; n8n records that as a failed execution, and so does the harness.
			return toResult(refusedRun(error, mode), store);
		}
		execution = promise;
		if (cancelled) promise.cancel();
		return toResult(await promise, store);
	})();
	return {
		result,
		cancel() {
			cancelled = true;
			execution?.cancel();
		},
	};
}

function toStore(pkg: LoadedPackage, options: RunWorkflowOptions) {
	const { credentials } = options;
	if (credentials === undefined || credentials instanceof CredentialStore) return credentials;
	return new CredentialStore(
		options.credentialType ?? only(pkg.credentialTypes, 'credential'),
		credentials,
	);
}
