import type { IContextObject, IDataObject } from 'n8n-workflow';

import type { PlannedRun } from './split';

const LEDGER_KEY = 'startedRuns';

/**
 * Names a run by its target, the input items it carries and the length of its body. A re-run
 * of the node gets the same input, so the same run gets the same name; no content hash is
 * needed, and none is paid for on 100,000 items.
 */
export function runKey(run: PlannedRun, body: string): string {
	const indexes = run.entries.map((entry) => entry.index);
	const { flowId, version } = run.target;
	const items = `${indexes[0]}-${indexes[indexes.length - 1]}x${indexes.length}`;
	return `${flowId}/${version ?? ''}:${items}:${body.length}`;
}

/**
 * The runs this node started in this execution, kept in the node's execution context. When
 * n8n's Retry On Fail runs the node again, runs found here are output, not started twice.
 */
export function startedRuns(context: IContextObject): Record<string, IDataObject> {
	context[LEDGER_KEY] ??= {};
	return context[LEDGER_KEY] as Record<string, IDataObject>;
}
