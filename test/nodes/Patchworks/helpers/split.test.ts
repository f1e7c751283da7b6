import type { Entry } from '../../../../nodes/Patchworks/helpers/split';
import {
	bodyBytes,
	bodyOf,
	payloadBytesOf,
	planArrayRuns,
	planSingleRuns,
	toEntry,
} from '../../../../nodes/Patchworks/helpers/split';

const flow101 = { flowId: '101', version: '1' };
const flow102 = { flowId: '102', version: '1' };
const entryOf = (index: number, value: unknown, target = flow101) =>
	toEntry(index, target, JSON.stringify(value));
const indexesOf = (entries: Entry[]) => entries.map((e) => e.index);

describe('toEntry and bodyOf', () => {
	it('builds exactly the body JSON.stringify would, escapes and unicode included', () => {
		const values = [
			{ a: 'x"y\\z\n\t\u0001' },
			{ emoji: '😀é', nul: '\u0000', sep: '\u2028' },
			{ lone: '\ud800x\udc00' },
			{},
		];
		const entries = values.map((v, i) => entryOf(i, v));
		const run = {
			target: flow101,
			entries,
			asArray: true,
			format: 'string' as const,
			part: 1,
			partCount: 1,
		};
		const expected = JSON.stringify({ payload: JSON.stringify(values) });
		expect(bodyOf(run)).toBe(expected);
		expect(bodyBytes(entries, true, 'string')).toBe(Buffer.byteLength(expected));
		expect(payloadBytesOf(run)).toBe(Buffer.byteLength(JSON.stringify(values)));
	});

	it('sends one text unwrapped for single runs', () => {
		const entry = toEntry(0, flow101, '<a x="1"/>');
		const run = {
			target: flow101,
			entries: [entry],
			asArray: false,
			format: 'string' as const,
			part: 1,
			partCount: 1,
		};
		expect(bodyOf(run)).toBe('{"payload":"<a x=\\"1\\"/>"}');
		expect(bodyBytes([entry], false, 'string')).toBe(Buffer.byteLength(bodyOf(run)));
	});
});

describe('planArrayRuns', () => {
	// Each {"n":i} item (i < 10) is 7 characters of JSON, 9 once escaped inside the payload.
	const entries = [0, 1, 2, 3, 4].map((n) => entryOf(n, { n }));
	const fullBody = bodyBytes(entries, true, 'string');

	it('keeps everything in one run when the body fits exactly', () => {
		const { runs, oversized } = planArrayRuns(
			entries,
			{ maxBodyBytes: fullBody, maxItems: 0 },
			'string',
		);
		expect(runs.map((r) => [indexesOf(r.entries), r.part, r.partCount])).toEqual([
			[[0, 1, 2, 3, 4], 1, 1],
		]);
		expect(oversized).toEqual([]);
	});

	it('splits one byte below the full size, every body within the limit, order kept', () => {
		const limit = fullBody - 1;
		const { runs } = planArrayRuns(entries, { maxBodyBytes: limit, maxItems: 0 }, 'string');
		expect(runs.map((r) => indexesOf(r.entries))).toEqual([[0, 1, 2, 3], [4]]);
		expect(runs.map((r) => [r.part, r.partCount])).toEqual([
			[1, 2],
			[2, 2],
		]);
		for (const run of runs) expect(Buffer.byteLength(bodyOf(run))).toBeLessThanOrEqual(limit);
	});

	it('fills each run up to the exact byte limit', () => {
		const twoItems = bodyBytes(entries.slice(0, 2), true, 'string');
		const { runs } = planArrayRuns(entries, { maxBodyBytes: twoItems, maxItems: 0 }, 'string');
		expect(runs.map((r) => indexesOf(r.entries))).toEqual([[0, 1], [2, 3], [4]]);
		expect(runs.map((r) => Buffer.byteLength(bodyOf(r)))).toEqual([
			twoItems,
			twoItems,
			bodyBytes([entries[4]], true, 'string'),
		]);
	});

	it('cuts at the item limit', () => {
		const { runs } = planArrayRuns(entries, { maxBodyBytes: fullBody, maxItems: 2 }, 'string');
		expect(runs.map((r) => indexesOf(r.entries))).toEqual([[0, 1], [2, 3], [4]]);
	});

	it('sets aside an item too large to send alone, and sends the rest', () => {
		const big = entryOf(2, { text: 'x'.repeat(100) });
		const mixed = [entries[0], entries[1], big, entries[3]];
		const limit = bodyBytes([big], true, 'string') - 1;
		const { runs, oversized } = planArrayRuns(
			mixed,
			{ maxBodyBytes: limit, maxItems: 0 },
			'string',
		);
		expect(runs.map((r) => indexesOf(r.entries))).toEqual([[0, 1, 3]]);
		expect(oversized).toEqual([{ entry: big, bytes: limit + 1 }]);
	});

	it('splits each target on its own, targets in order of first appearance', () => {
		const mixed = [
			entryOf(0, {}, flow102),
			entryOf(1, {}),
			entryOf(2, {}, flow102),
			entryOf(3, {}, flow102),
		];
		const { runs } = planArrayRuns(mixed, { maxBodyBytes: 10_000, maxItems: 2 }, 'string');
		expect(runs.map((r) => [r.target.flowId, indexesOf(r.entries), r.part, r.partCount])).toEqual([
			['102', [0, 2], 1, 2],
			['102', [3], 2, 2],
			['101', [1], 1, 1],
		]);
	});
});

describe('planSingleRuns', () => {
	it('makes one run per item and sets aside the ones over the limit', () => {
		const small = toEntry(0, flow101, 'ok');
		const large = toEntry(1, flow101, 'x'.repeat(50));
		const { runs, oversized } = planSingleRuns(
			[small, large],
			{
				maxBodyBytes: bodyBytes([large], false, 'string') - 1,
				maxItems: 0,
			},
			'string',
		);
		expect(runs.map((r) => indexesOf(r.entries))).toEqual([[0]]);
		expect(oversized.map((o) => [o.entry.index, o.bytes])).toEqual([[1, 64]]);
	});
});
