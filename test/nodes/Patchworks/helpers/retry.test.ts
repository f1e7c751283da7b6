import { Pacer } from '../../../../nodes/Patchworks/helpers/pacing';
import { backoffMs, retryAfterMs, retryDelayMs } from '../../../../nodes/Patchworks/helpers/retry';

const reply = (statusCode: number, headers: Record<string, string> = {}) => ({
	reply: { statusCode, body: '', headers },
});
const failure = (code: string) => ({ failure: { code, message: code } });

describe('retryDelayMs', () => {
	it('retries 429 and 503 after Retry-After', () => {
		expect(retryDelayMs(reply(429, { 'retry-after': '2' }), 0, 3)).toBe(2000);
		expect(retryDelayMs(reply(503, { 'retry-after': '0' }), 2, 3)).toBe(0);
	});

	it('backs off when there is no Retry-After', () => {
		expect(retryDelayMs(reply(503), 0, 3, () => 1)).toBe(1000);
		expect(retryDelayMs(reply(429), 2, 3, () => 0)).toBe(2000);
	});

	it('retries a connection refused before sending', () => {
		expect(retryDelayMs(failure('ECONNREFUSED'), 1, 3, () => 1)).toBe(2000);
	});

	it.each([
		['a 500', reply(500)],
		['a 502', reply(502)],
		['a 504', reply(504)],
		['a 401', reply(401)],
		['a 422', reply(422)],
		['a timeout', failure('ECONNABORTED')],
		['a connection lost after sending', failure('ECONNRESET')],
		['a success', reply(200)],
	])('never resends after %s', (_, outcome) => {
		expect(retryDelayMs(outcome, 0, 3)).toBeUndefined();
	});

	it('stops after the allowed number of retries', () => {
		expect(retryDelayMs(reply(429, { 'retry-after': '1' }), 3, 3)).toBeUndefined();
		expect(retryDelayMs(reply(429, { 'retry-after': '1' }), 0, 0)).toBeUndefined();
	});

	it('does not wait longer than two minutes inside an execution', () => {
		expect(retryDelayMs(reply(429, { 'retry-after': '121' }), 0, 3)).toBeUndefined();
		expect(retryDelayMs(reply(429, { 'retry-after': '120' }), 0, 3)).toBe(120_000);
	});
});

describe('backoffMs and retryAfterMs', () => {
	it('doubles up to 30 s, with jitter between half and all of it', () => {
		expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, () => 1))).toEqual([
			1000, 2000, 4000, 8000, 16000, 30000, 30000,
		]);
		expect(backoffMs(3, () => 0)).toBe(4000);
	});

	it('reads seconds and HTTP dates', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs('3', now)).toBe(3000);
		expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
	});
});

describe('Pacer', () => {
	it('spaces every start, not just the first, and re-checks after a late timer', async () => {
		let now = 1000;
		const waits: number[] = [];
		const pacer = new Pacer(250, () => now);
		const wait = async (ms: number) => {
			waits.push(ms);
			now += ms + 30; // every timer fires 30 ms late
		};
		const starts: number[] = [];
		for (let i = 0; i < 3; i++) {
			await pacer.acquire(wait);
			starts.push(now);
		}
		expect(starts).toEqual([1000, 1280, 1560]);
		expect(waits).toEqual([250, 250]);
	});

	it('lets only one of several waiting callers start in each slot', async () => {
		let now = 0;
		const pacer = new Pacer(100, () => now);
		const starts: number[] = [];
		const wait = (ms: number) =>
			new Promise<void>((resolve) => setImmediate(() => ((now += ms), resolve())));
		await Promise.all(
			[1, 2, 3].map(async () => {
				await pacer.acquire(wait);
				starts.push(now);
			}),
		);
		expect(
			starts
				.slice(1)
				.map((t, i) => t - starts[i])
				.every((gap) => gap >= 100),
		).toBe(true);
	});
});
