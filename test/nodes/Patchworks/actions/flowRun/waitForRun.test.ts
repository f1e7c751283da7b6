import { runWorkflow, startWorkflow } from '../../../../helpers/engine';
import { sleep } from '../../../../standin/testing';
import { credentialFor, useStandin } from '../../setup';
import { flowRunNode, seedRun, trail } from './setup';

const waitNode = (waitTimeout = 30, settings = {}) =>
	flowRunNode('get', { flowRunId: '1000', waitForCompletion: true, waitTimeout }, settings);

/** Milliseconds between the requests the stand-in received. */
const gaps = (times: number[]) => times.slice(1).map((time, i) => time - times[i]);

describe('Flow Run → Get, waiting for completion (waitForRun)', () => {
	const standin = useStandin();
	const wait = (waitTimeout?: number, settings = {}) =>
		runWorkflow({
			items: [{ json: {} }],
			nodes: [waitNode(waitTimeout, settings)],
			credentials: credentialFor(standin()),
		});

	it('checks at once, again after 1 s, and returns the finished run', async () => {
		seedRun(standin(), { finalStatus: 3, durationMs: 300 });

		const result = await wait();

		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs/1000 200',
			'GET /api/v1/flow-runs/1000 200',
		]);
		expect(result.outputs('Patchworks')[0]).toEqual([
			{
				json: expect.objectContaining({
					flowRunId: '1000',
					status: 'failure',
					rawStatus: 3,
					finished: true,
					durationMs: 300,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('returns a run that has already finished after one request', async () => {
		seedRun(standin(), { finalStatus: 2 }, 5000);

		const result = await wait();

		expect(trail(standin())).toEqual(['GET /api/v1/flow-runs/1000 200']);
		expect(result.outputs('Patchworks')[0][0].json.status).toBe('success');
	});

	it('backs off: 1 s, then 2 s between checks', async () => {
		seedRun(standin(), { durationMs: 2_500 });

		const result = await wait();

		expect(result.outputs('Patchworks')[0][0].json.status).toBe('success');
		const [first, second] = gaps(standin().requests.map((r) => r.receivedAt));
		expect(standin().requests).toHaveLength(3);
		expect(first).toBeGreaterThanOrEqual(990);
		expect(first).toBeLessThan(1_400);
		expect(second).toBeGreaterThanOrEqual(1_990);
		expect(second).toBeLessThan(2_400);
	});

	it('fails at the timeout, saying the run carries on and where to see it', async () => {
		seedRun(standin(), { durationMs: 60_000 });
		const began = Date.now();

		const result = await wait(1);

		expect(Date.now() - began).toBeLessThan(1_800);
		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs/1000 200',
			'GET /api/v1/flow-runs/1000 200',
		]);
		expect(result.error).toMatchObject({
			message: 'Flow run 1000 had not finished after 1 s',
			description: `Its last status was started. The run carries on in Patchworks: ${standin().url}/flow-run-logs/1000. Raise the timeout to wait longer.`,
		});
	});

	it('stops at once when the execution is cancelled', async () => {
		seedRun(standin(), { durationMs: 60_000 });
		const running = startWorkflow({
			items: [{ json: {} }],
			nodes: [waitNode(30)],
			credentials: credentialFor(standin()),
		});
		while (standin().requests.length === 0) await sleep(10);
		await sleep(50);

		const cancelledAt = Date.now();
		running.cancel();
		const result = await running.result;

		expect(Date.now() - cancelledAt).toBeLessThan(300);
		expect(result.status).toBe('canceled');
		expect(result.error?.message).toBe(
			'The execution was cancelled while waiting for flow run 1000, which carries on in Patchworks',
		);
		expect(standin().requests).toHaveLength(1);
		await sleep(1_200);
		expect(standin().requests).toHaveLength(1);
	});
});
