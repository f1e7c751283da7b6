import {
	WaitCancelledError,
	waitForRun,
} from '../../../../../nodes/Patchworks/actions/flowRun/waitForRun';
import type { WaitForRunOptions } from '../../../../../nodes/Patchworks/actions/flowRun/waitForRun';
import { getCoreConnection } from '../../../../../nodes/Patchworks/transport/core';
import { sleep } from '../../../../standin/testing';
import { credentialFor, useStandin } from '../../setup';
import { executeContext } from './context';
import { seedRun, trail } from './setup';

// Checks every 20–80 ms instead of 1–30 s; the engine-level tests keep the real intervals.
const quick = { backoff: { firstDelayMs: 20, maxDelayMs: 80 }, timeoutMs: 2_000 };

describe('waitForRun in n8n’s ExecuteContext, with short intervals', () => {
	const standin = useStandin();
	const wait = async (options: Partial<WaitForRunOptions> = {}, signal?: AbortSignal) => {
		const context = await executeContext(credentialFor(standin()), signal);
		const connection = await getCoreConnection.call(context);
		// Runs seeded before the call count from now, not from before the context was made.
		for (const run of standin().runs) run.startedAt = Date.now();
		return await waitForRun.call(context, connection, '1000', { ...quick, ...options });
	};

	it.each([
		[2, 'success'],
		[3, 'failure'],
		[4, 'stopped'],
		[5, 'partial success'],
	] as const)('returns the run once it ends in status %s (%s)', async (finalStatus, status) => {
		const run = seedRun(standin(), { finalStatus, durationMs: 100 });

		const finished = await wait();

		expect(finished).toMatchObject({
			flowRunId: '1000',
			status,
			rawStatus: finalStatus,
			finished: true,
			finishedAt: new Date(run.startedAt + 100).toISOString(),
			durationMs: 100,
		});
		// 0, 20, 40, 80, 80 … ms: a 100 ms run is seen finished by the fifth check at most.
		expect(standin().requests.length).toBeGreaterThanOrEqual(2);
		expect(standin().requests.length).toBeLessThanOrEqual(5);
	});

	it('caps the wait between checks', async () => {
		seedRun(standin(), { durationMs: 500 });

		await wait();

		const times = standin().requests.map((r) => r.receivedAt);
		const gaps = times.slice(1).map((time, i) => time - times[i]);
		expect(Math.max(...gaps)).toBeLessThan(130);
		expect(gaps.slice(-2).every((gap) => gap >= 75)).toBe(true);
	});

	it('throws at the timeout, after a last check at the deadline', async () => {
		seedRun(standin(), { durationMs: 60_000 });
		const began = Date.now();

		await expect(wait({ timeoutMs: 150 })).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'Flow run 1000 had not finished after 0.2 s',
			description: `Its last status was started. The run carries on in Patchworks: ${standin().url}/flow-run-logs/1000. Raise the timeout to wait longer.`,
		});
		expect(Date.now() - began).toBeGreaterThanOrEqual(150);
		expect(Date.now() - began).toBeLessThan(400);
	});

	it('waits out 404s for the grace period, then reports the run as missing', async () => {
		await expect(wait({ notFoundGraceMs: 100 })).rejects.toMatchObject({
			message: 'Patchworks found no flow run 1000 (404)',
			httpCode: '404',
		});
		expect(standin().requests.length).toBeGreaterThanOrEqual(3);
		expect(new Set(standin().requests.map((r) => r.replyStatus))).toEqual(new Set([404]));
	});

	it('gives up after three failures in a row that are worth another check', async () => {
		seedRun(standin());
		standin().script({ path: '/api/v1/flow-runs/1000', status: 502, times: 3 });

		await expect(wait()).rejects.toMatchObject({
			message: 'Patchworks had a server error (502) reading flow run 1000',
			description: 'Nothing was changed in Patchworks: it is safe to run this again.',
		});
		expect(trail(standin())).toEqual(Array(3).fill('GET /api/v1/flow-runs/1000 502'));
	});

	it('stops at once on a reply that another check cannot change', async () => {
		seedRun(standin());
		standin().script({ path: '/api/v1/flow-runs/1000', status: 403, body: { message: 'No.' } });

		await expect(wait()).rejects.toMatchObject({
			message: 'The credential may not read flow run 1000 (403)',
			httpCode: '403',
		});
		expect(trail(standin())).toEqual(['GET /api/v1/flow-runs/1000 403']);
	});

	it('waits as long as a 429 asks before checking again', async () => {
		seedRun(standin());
		standin().script({
			path: '/api/v1/flow-runs/1000',
			status: 429,
			headers: { 'retry-after': '1' },
		});

		await wait();

		const [limited, next] = standin().requests.map((r) => r.receivedAt);
		expect(next - limited).toBeGreaterThanOrEqual(990);
	});

	it('throws WaitCancelledError at once when the signal aborts, and sends nothing more', async () => {
		seedRun(standin(), { durationMs: 60_000 });
		const controller = new AbortController();
		const waiting = wait(
			{ backoff: { firstDelayMs: 5_000, maxDelayMs: 5_000 } },
			controller.signal,
		);
		while (standin().requests.length === 0) await sleep(5);
		await sleep(30);

		const abortedAt = Date.now();
		controller.abort();

		await expect(waiting).rejects.toBeInstanceOf(WaitCancelledError);
		await expect(waiting).rejects.toMatchObject({ name: 'WaitCancelledError' });
		expect(Date.now() - abortedAt).toBeLessThan(100);
		expect(standin().requests).toHaveLength(1);
	});
});
