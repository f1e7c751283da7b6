import {
	createRunExecutionData,
	type ExecutionError,
	type ExecutionStatus,
	type INodeExecutionData,
	type IRun,
	type IRunData,
	type NodeExecutionHint,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import type { CredentialStore } from './credential-store';

export interface WorkflowResult {
	run: IRun;
	runData: IRunData;
	status: ExecutionStatus;
	/** Why the execution failed (a plain copy of the thrown error, as n8n stores it). */
	error: ExecutionError | undefined;
	credentialStore: CredentialStore | undefined;
	/** Items per output index (0 = main, 1 = error output) of the node's last run. */
	outputs(nodeName: string): INodeExecutionData[][];
	/** Hints the node added with `addExecutionHints` in its last run. */
	hints(nodeName: string): NodeExecutionHint[];
	/** The error of the node's last run, also set when the node continued on fail. */
	nodeError(nodeName: string): ExecutionError | undefined;
}

/** The failed run n8n records when it refuses to start a workflow that has issues. */
export function refusedRun(error: Error, mode: WorkflowExecuteMode): IRun {
	const copy = { ...error, name: error.name, message: error.message, stack: error.stack };
	return {
		data: createRunExecutionData({ resultData: { error: copy as ExecutionError } }),
		mode,
		startedAt: new Date(),
		stoppedAt: new Date(),
		storedAt: 'db',
		status: 'error',
	};
}

/** Accessors over a finished run, for assertions. */
export function toResult(run: IRun, store: CredentialStore | undefined): WorkflowResult {
	const { runData, error } = run.data.resultData;
	const lastRun = (nodeName: string) => runData[nodeName]?.at(-1);
	return {
		run,
		runData,
		status: run.status,
		error,
		credentialStore: store,
		outputs: (nodeName) => (lastRun(nodeName)?.data?.main ?? []).map((items) => items ?? []),
		hints: (nodeName) => lastRun(nodeName)?.hints ?? [],
		nodeError: (nodeName) => lastRun(nodeName)?.error,
	};
}
