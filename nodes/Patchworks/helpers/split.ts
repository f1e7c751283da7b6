import type { Target } from './payload';
import { groupByTarget } from './payload';

/** One item's payload text, kept only in its escaped form (as it sits inside the body). */
export interface Entry {
	index: number;
	target: Target;
	escaped: string;
	escapedBytes: number;
	payloadBytes: number;
}

export interface Limits {
	maxBodyBytes: number;
	/** 0 for no limit. */
	maxItems: number;
}

/** One flow run to start. Its body is built only when it is sent. */
export interface PlannedRun {
	target: Target;
	entries: Entry[];
	/** Whether the payload is a JSON array of the entries, or one entry's text. */
	asArray: boolean;
	part: number;
	partCount: number;
}

// `{"payload":""}` around the escaped payload text.
const WRAPPER_BYTES = 14;

export function toEntry(index: number, target: Target, text: string): Entry {
	// Escaping is per character, so the escaped texts of the items join into the escaped payload.
	const escaped = JSON.stringify(text).slice(1, -1);
	return {
		index,
		target,
		escaped,
		escapedBytes: Buffer.byteLength(escaped, 'utf8'),
		payloadBytes: Buffer.byteLength(text, 'utf8'),
	};
}

/** The exact request body of the string-payload endpoints. */
export function bodyOf(run: PlannedRun): string {
	const inner = run.entries.map((entry) => entry.escaped).join(',');
	return run.asArray ? `{"payload":"[${inner}]"}` : `{"payload":"${inner}"}`;
}

export function payloadBytesOf(run: PlannedRun): number {
	const sum = run.entries.reduce((total, entry) => total + entry.payloadBytes, 0);
	return run.asArray ? sum + run.entries.length + 1 : sum;
}

/** Bytes of the body of a run made of these entries. */
export function bodyBytes(entries: Entry[], asArray: boolean): number {
	const sum = entries.reduce((total, entry) => total + entry.escapedBytes, 0);
	return WRAPPER_BYTES + sum + (asArray ? entries.length + 1 : 0);
}

/**
 * Items for the same target share runs, cut so that no body passes the limits. Items keep
 * their order. An item too large to send even alone is returned apart, never sent.
 */
export function planArrayRuns(entries: Entry[], limits: Limits) {
	const runs: PlannedRun[] = [];
	const oversized: Array<{ entry: Entry; bytes: number }> = [];
	const byIndex = new Map(entries.map((entry) => [entry.index, entry]));
	for (const group of groupByTarget(entries)) {
		const parts: Entry[][] = [];
		let current: Entry[] = [];
		let size = WRAPPER_BYTES + 2;
		for (const index of group.itemIndexes) {
			const entry = byIndex.get(index) as Entry;
			const alone = WRAPPER_BYTES + 2 + entry.escapedBytes;
			if (alone > limits.maxBodyBytes) {
				oversized.push({ entry, bytes: alone });
				continue;
			}
			const full = limits.maxItems > 0 && current.length >= limits.maxItems;
			// +1 for the comma before it.
			if (current.length > 0 && (full || size + 1 + entry.escapedBytes > limits.maxBodyBytes)) {
				parts.push(current);
				current = [];
				size = WRAPPER_BYTES + 2;
			}
			size += entry.escapedBytes + (current.length > 0 ? 1 : 0);
			current.push(entry);
		}
		if (current.length > 0) parts.push(current);
		parts.forEach((part, i) =>
			runs.push({
				target: group.target,
				entries: part,
				asArray: true,
				part: i + 1,
				partCount: parts.length,
			}),
		);
	}
	return { runs, oversized };
}

/** One run per item, the payload being that item's text. */
export function planSingleRuns(entries: Entry[], limits: Limits) {
	const runs: PlannedRun[] = [];
	const oversized: Array<{ entry: Entry; bytes: number }> = [];
	for (const entry of entries) {
		const bytes = bodyBytes([entry], false);
		if (bytes > limits.maxBodyBytes) oversized.push({ entry, bytes });
		else
			runs.push({ target: entry.target, entries: [entry], asArray: false, part: 1, partCount: 1 });
	}
	return { runs, oversized };
}
