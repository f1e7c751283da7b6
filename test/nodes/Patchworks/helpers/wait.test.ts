import { Cancelled, pause, pollDelayMs } from '../../../../nodes/Patchworks/helpers/wait';

describe('waiting between checks of a run', () => {
	it('doubles from 1 s up to 30 s', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 50].map((check) => pollDelayMs(check))).toEqual([
			1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
		]);
	});

	it('takes other bounds', () => {
		const backoff = { firstDelayMs: 20, maxDelayMs: 50 };
		expect([0, 1, 2].map((check) => pollDelayMs(check, backoff))).toEqual([20, 40, 50]);
	});

	it('pauses, and ends the pause at once when the signal aborts', async () => {
		const began = Date.now();
		await pause(30, undefined);
		expect(Date.now() - began).toBeGreaterThanOrEqual(25);

		const controller = new AbortController();
		const pausing = pause(5_000, controller.signal);
		controller.abort();
		await expect(pausing).rejects.toBeInstanceOf(Cancelled);
		expect(Date.now() - began).toBeLessThan(500);
		await expect(pause(10, controller.signal)).rejects.toBeInstanceOf(Cancelled);
	});
});
