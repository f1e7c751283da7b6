import type { Outcome } from '../transport';

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;
// A wait longer than this is not made inside an execution: the error says how long instead.
export const MAX_RETRY_WAIT_MS = 120_000;

/** Capped exponential backoff with jitter: attempt 0 waits 0.5–1 s, then 1–2 s, and so on. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
	return Math.round(ceiling * (0.5 + random() / 2));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(
	value: string | undefined,
	now: number = Date.now(),
): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before sending again, or undefined when this outcome must not be resent.
 * Only outcomes where Patchworks cannot have started a run are retried: 429 and 503 replies,
 * and a connection refused before anything was sent. A timeout, a 500, 502 or 504, or a
 * connection lost after sending may have started one.
 */
export function retryDelayMs(
	outcome: Outcome,
	attempt: number,
	maxRetries: number,
	random: () => number = Math.random,
): number | undefined {
	if (attempt >= maxRetries) return undefined;
	let delay: number | undefined;
	if ('failure' in outcome) {
		delay = outcome.failure.code === 'ECONNREFUSED' ? backoffMs(attempt, random) : undefined;
	} else if (outcome.reply.statusCode === 429 || outcome.reply.statusCode === 503) {
		const header = outcome.reply.headers['retry-after'];
		delay =
			retryAfterMs(header === undefined ? undefined : String(header)) ?? backoffMs(attempt, random);
	}
	return delay !== undefined && delay <= MAX_RETRY_WAIT_MS ? delay : undefined;
}
