import { parseJsonKeepingBigIntegers } from './json';

// The start API's reply is documented only as a screenshot: "flow initialised" with a run id.
// These are the field names the public sources suggest, tried in this order, at the top level
// and inside a `data` wrapper.
export const RUN_ID_FIELDS = ['flow_run_id', 'flowRunId', 'run_id', 'id'] as const;

export interface StartReply {
	flowRunId: string;
	message: string | null;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

function asRunId(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
	return undefined;
}

/** The run id and message of a start reply, or why none could be read. */
export function parseStartReply(text: string): StartReply | { problem: string } {
	let parsed: unknown;
	try {
		parsed = text.trim() === '' ? undefined : parseJsonKeepingBigIntegers(text);
	} catch {
		parsed = undefined;
	}
	const top = asRecord(parsed);
	const places = [top, asRecord(top?.data)];
	for (const field of RUN_ID_FIELDS) {
		for (const place of places) {
			const runId = asRunId(place?.[field]);
			if (runId !== undefined) {
				const message = top?.message ?? asRecord(top?.data)?.message;
				return { flowRunId: runId, message: typeof message === 'string' ? message : null };
			}
		}
	}
	const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
	return {
		problem: `Patchworks accepted the request but its reply held no flow run id (looked for ${RUN_ID_FIELDS.join(
			', ',
		)}). Reply: ${shown === '' ? '(empty)' : shown}`,
	};
}
