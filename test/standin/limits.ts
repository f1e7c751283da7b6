const WINDOW_MS = 60_000;

export interface RateLimitOptions {
	perMinute: number;
	retryAfterSeconds?: number;
}

export interface RateDecision {
	limited: boolean;
	headers: Record<string, string>;
}

// A sliding window over authenticated requests; refused requests do not count against it.
export class RateLimiter {
	private hits: number[] = [];

	constructor(private readonly options: RateLimitOptions | undefined) {}

	hit(now: number): RateDecision {
		if (!this.options) return { limited: false, headers: {} };
		const { perMinute, retryAfterSeconds } = this.options;
		this.hits = this.hits.filter((at) => now - at < WINDOW_MS);
		if (this.hits.length >= perMinute) {
			const wait = retryAfterSeconds ?? Math.ceil((this.hits[0] + WINDOW_MS - now) / 1000);
			return {
				limited: true,
				headers: {
					'Retry-After': String(wait),
					'X-RateLimit-Limit': String(perMinute),
					'X-RateLimit-Remaining': '0',
				},
			};
		}
		this.hits.push(now);
		const remaining = perMinute - this.hits.length;
		return {
			limited: false,
			headers: {
				'X-RateLimit-Limit': String(perMinute),
				'X-RateLimit-Remaining': String(remaining),
			},
		};
	}

	reset(): void {
		this.hits = [];
	}
}
