import type { Target } from './payload';
import { groupByTarget } from './payload';

export type PayloadFormat = 'string' | 'raw';

/** One item's payload text, kept only in the form it takes inside the body. */
export interface Entry {
	index: number;
	target: Target;
	/** Escaped for the inside of a JSON string (String format), or as it is (Raw JSON). */
	piece: string;
	pieceBytes: number;
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
	format: PayloadFormat;
	part: number;
	partCount: number;
}

// `{"payload":""}` around the escaped payload text; nothing around a raw body.
const WRAPPER_BYTES: Record<PayloadFormat, number> = { string: 14, raw: 0 };

export function toEntry(index: number, target: Target, text: string, format: PayloadFormat): Entry {
	// Escaping is per character, so the escaped texts of the items join into the escaped payload.
	const piece = format === 'string' ? JSON.stringify(text).slice(1, -1) : text;
	const payloadBytes = Buffer.byteLength(text, 'utf8');
	const pieceBytes = piece === text ? payloadBytes : Buffer.byteLength(piece, 'utf8');
	return { index, target, piece, pieceBytes, payloadBytes };
}

/** The exact request body: {"payload": "<text>"}, or the JSON itself for Raw JSON. */
export function bodyOf(run: PlannedRun): string {
	const inner = run.entries.map((entry) => entry.piece).join(',');
	const payload = run.asArray ? `[${inner}]` : inner;
	return run.format === 'string' ? `{"payload":"${payload}"}` : payload;
}

export function payloadBytesOf(run: PlannedRun): number {
	const sum = run.entries.reduce((total, entry) => total + entry.payloadBytes, 0);
	return run.asArray ? sum + run.entries.length + 1 : sum;
}

/** Bytes of the body of a run made of these entries. */
export function bodyBytes(entries: Entry[], asArray: boolean, format: PayloadFormat): number {
	const sum = entries.reduce((total, entry) => total + entry.pieceBytes, 0);
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
	const byIndex = new Map(entries.map((entry) => [entry.index, entry]));
	for (const group of groupByTarget(entries)) {
		const parts: Entry[][] = [];
		let current: Entry[] = [];
		let size = empty;
		for (const index of group.itemIndexes) {
			const entry = byIndex.get(index) as Entry;
			const alone = empty + entry.pieceBytes;
			if (alone > limits.maxBodyBytes) {
				oversized.push({ entry, bytes: alone });
				continue;
			}
			const full = limits.maxItems > 0 && current.length >= limits.maxItems;
			// +1 for the comma before it.
			if (current.length > 0 && (full || size + 1 + entry.pieceBytes > limits.maxBodyBytes)) {
				parts.push(current);
				current = [];
				size = empty;
			}
			size += entry.pieceBytes + (current.length > 0 ? 1 : 0);
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
