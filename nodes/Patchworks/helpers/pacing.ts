/**
 * Spaces request starts at least `intervalMs` apart, however many are in flight. A start is
 * claimed only at the moment it may happen, so a timer that fires late delays the requests
 * after it instead of crowding them.
 */
export class Pacer {
	private lastStart = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly intervalMs: number,
		private readonly now: () => number = Date.now,
	) {}

	async acquire(wait: (ms: number) => Promise<void>): Promise<void> {
		for (;;) {
			const remaining = this.lastStart + this.intervalMs - this.now();
			if (remaining <= 0) {
				this.lastStart = this.now();
				return;
			}
			await wait(remaining);
		}
	}
}
