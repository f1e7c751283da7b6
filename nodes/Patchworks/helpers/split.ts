import type { Target } from './payload';
import { groupByTarget } from './payload';

export type PayloadFormat = 'string' | 'raw';

/** One item's payload text and its sizes; escaping waits until a run's body is built. */
export interface Entry {
	index: number;
	target: Target;
	text: string;
	/**
	 * Bytes it takes in the body: escaped inside a JSON string (String), or as it is (Raw).
	 * Measured only when a payload has to be split; see pieceBytesOf.
	 */
	pieceBytes?: number;
	payloadBytes: number;
}

export interface Limits {
	maxBodyBytes: number;
	/** 0 for no limit. */
	maxItems: number;
}

/** One flow run to start. Its body is built when it is sent, unless planning built it. */
export interface PlannedRun {
	body?: string;
	target: Target;
	entries: Entry[];
	/** Whether the payload is a JSON array of the entries, or one entry's text. */
	asArray: boolean;
	format: PayloadFormat;
	part: number;
	partCount: number;
}

// `{"payload":""}` around the escaped payload text; nothing around a raw body.
const WRAPPER_BYTES: Record<PayloadFormat, number> = { string: 14, raw: 0 };

export function toEntry(index: number, target: Target, text: string): Entry {
	return { index, target, text, payloadBytes: Buffer.byteLength(text, 'utf8') };
}

// Escaping is per character, so the items' escaped sizes add up to the payload's.
function pieceBytesOf(entry: Entry, format: PayloadFormat): number {
	entry.pieceBytes ??=
		format === 'string'
			? Buffer.byteLength(JSON.stringify(entry.text), 'utf8') - 2
			: entry.payloadBytes;
	return entry.pieceBytes;
}

/** The exact request body: {"payload": "<text>"}, or the JSON itself for Raw JSON. */
export function bodyOf(run: PlannedRun): string {
	if (run.body !== undefined) return run.body;
	const inner =
		run.entries.length === 1 ? run.entries[0].text : run.entries.map((e) => e.text).join(',');
	const payload = run.asArray ? `[${inner}]` : inner;
	return run.format === 'string' ? JSON.stringify({ payload }) : payload;
}

export function payloadBytesOf(run: PlannedRun): number {
	const sum = run.entries.reduce((total, entry) => total + entry.payloadBytes, 0);
	return run.asArray ? sum + run.entries.length + 1 : sum;
}

/** Bytes of the body of a run made of these entries. */
export function bodyBytes(entries: Entry[], asArray: boolean, format: PayloadFormat): number {
	const sum = entries.reduce((total, entry) => total + pieceBytesOf(entry, format), 0);
	return WRAPPER_BYTES[format] + sum + (asArray ? entries.length + 1 : 0);
}

/**
 * Items for the same target share runs, cut so that no body passes the limits. Items keep
 * their order. An item too large to send even alone is returned apart, never sent.
 */
export function planArrayRuns(entries: Entry[], limits: Limits, format: PayloadFormat) {
	const empty = WRAPPER_BYTES[format] + 2;
	const runs: PlannedRun[] = [];
	const oversized: Array<{ entry: Entry; bytes: number }> = [];
	for (const group of groupByTarget(entries)) {
		// Most often everything fits in one request: then its body, built once, decides, and
		// no item is escaped on its own.
		const whole: PlannedRun = {
			target: group.target,
			entries: group.entries,
			asArray: true,
			format,
			part: 1,
			partCount: 1,
		};
		const withinItems = limits.maxItems === 0 || group.entries.length <= limits.maxItems;
		// Escaping only adds bytes: a payload already too large unescaped need not be built.
		if (withinItems && WRAPPER_BYTES[format] + payloadBytesOf(whole) <= limits.maxBodyBytes) {
			const body = bodyOf(whole);
			if (Buffer.byteLength(body, 'utf8') <= limits.maxBodyBytes) {
				runs.push({ ...whole, body });
				continue;
			}
		}
		const parts: Entry[][] = [];
		let current: Entry[] = [];
		let size = empty;
		for (const entry of group.entries) {
			const alone = empty + pieceBytesOf(entry, format);
			if (alone > limits.maxBodyBytes) {
				oversized.push({ entry, bytes: alone });
				continue;
			}
			const full = limits.maxItems > 0 && current.length >= limits.maxItems;
			// +1 for the comma before it.
			const piece = pieceBytesOf(entry, format);
			if (current.length > 0 && (full || size + 1 + piece > limits.maxBodyBytes)) {
				parts.push(current);
				current = [];
				size = empty;
			}
			size += piece + (current.length > 0 ? 1 : 0);
			current.push(entry);
		}
		if (current.length > 0) parts.push(current);
		parts.forEach((part, i) =>
			runs.push({
				target: group.target,
				entries: part,
				asArray: true,
				format,
				part: i + 1,
				partCount: parts.length,
			}),
		);
	}
	return { runs, oversized };
}

/** One run per item, the payload being that item's text. */
export function planSingleRuns(entries: Entry[], limits: Limits, format: PayloadFormat) {
	const runs: PlannedRun[] = [];
	const oversized: Array<{ entry: Entry; bytes: number }> = [];
	for (const entry of entries) {
		const bytes = bodyBytes([entry], false, format);
		if (bytes > limits.maxBodyBytes) {
			oversized.push({ entry, bytes });
			continue;
		}
		runs.push({
			target: entry.target,
			entries: [entry],
			asArray: false,
			format,
			part: 1,
			partCount: 1,
		});
	}
	return { runs, oversized };
}
