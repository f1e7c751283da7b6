import { sleep } from 'n8n-workflow';

export interface Backoff {
	/** The first wait; each later one doubles, up to `maxDelayMs`. */
	firstDelayMs: number;
	maxDelayMs: number;
}

export const POLL_BACKOFF: Backoff = { firstDelayMs: 1_000, maxDelayMs: 30_000 };

/** The wait before check number `check` (0-based): 1 s, 2 s, 4 s … capped. */
export function pollDelayMs(check: number, backoff: Backoff = POLL_BACKOFF): number {
	return Math.min(backoff.maxDelayMs, backoff.firstDelayMs * 2 ** Math.min(check, 30));
}

/** Thrown by `pause` when the execution is cancelled. */
export class Cancelled extends Error {
	constructor() {
		super('The execution was cancelled');
	}
}

/**
 * Waits `ms`, or less if `signal` aborts, then throws Cancelled. Newer n8n-workflow builds
 * stop `sleep` on the signal themselves; older ones ignore it, so the abort is also watched.
 */
export async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (signal?.aborted) throw new Cancelled();
	if (signal === undefined) return await sleep(ms);
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => reject(new Cancelled());
		signal.addEventListener('abort', onAbort, { once: true });
		sleep(ms, signal).then(
			() => {
				signal.removeEventListener('abort', onAbort);
				resolve();
			},
			() => onAbort(),
		);
	});
}
