import type { IContextObject, IDataObject } from 'n8n-workflow';

import type { PlannedRun } from './split';

const LEDGER_KEY = 'startedRuns';

// FNV-1a: a fast fingerprint, not a security measure. It is combined with the target, the
// items and the length, so two different payloads of one execution never share a key.
function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	}
	return (hash >>> 0).toString(16);
}

export function runKey(run: PlannedRun, body: string): string {
	const indexes = run.entries.map((entry) => entry.index);
	const { flowId, version } = run.target;
	const items = `${indexes[0]}-${indexes[indexes.length - 1]}x${indexes.length}`;
	return `${flowId}/${version ?? ''}:${items}:${body.length}:${fingerprint(body)}`;
}

/**
 * The runs this node started in this execution, kept in the node's execution context. When
 * n8n's Retry On Fail runs the node again, runs found here are output, not started twice.
 */
export function startedRuns(context: IContextObject): Record<string, IDataObject> {
	context[LEDGER_KEY] ??= {};
	return context[LEDGER_KEY] as Record<string, IDataObject>;
}
