import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow, startWorkflow } from '../../../../helpers/engine';
import { credentialFor, startNode, useStandin } from '../../setup';

const items = [{ json: { sku: 'S1' } }];
const waiting = (extra: INodeParameters = {}) =>
	startNode({ waitForCompletion: true, waitTimeout: 20, ...extra });
const runGets = (paths: string[]) => paths.filter((p) => p.startsWith('GET /api/v1/flow-runs/'));

describe('Start: Wait for Completion', () => {
	// Flow 101 succeeds, 102 fails, 103's version 1 is stopped; each after 300 ms.
	const standin = useStandin({ runDurationMs: 300, runOutcome: { 101: 2, 102: 3, 103: 4 } });
	const trail = () => standin().requests.map((r) => `${r.method} ${r.path}`);

	it('outputs the final status and times once the run has finished', async () => {
		const result = await runWorkflow({
			items,
			nodes: [waiting()],
			credentials: credentialFor(standin()),
		});

		expect(result.error).toBeUndefined();
		const [run] = standin().runs;
		expect(runGets(trail())).toEqual([
			`GET /api/v1/flow-runs/${run.id}`,
			`GET /api/v1/flow-runs/${run.id}`,
		]);
		const json = result.outputs('Patchworks')[0][0].json;
		expect(json).toMatchObject({ flowRunId: run.id, status: 'success', rawStatus: 2, flowId: 101 });
		expect(typeof json.startedAt).toBe('string');
		expect(typeof json.finishedAt).toBe('string');
	});

	it('fails the node when a run fails, naming the run', async () => {
		const result = await runWorkflow({
			items,
			nodes: [waiting({ flowId: '102' })],
			credentials: credentialFor(standin()),
		});
		expect(result.error?.message).toBe(
			`Flow run ${standin().runs[0].id} ended with status failure`,
		);
	});

	it('outputs an unsuccessful run to branch on, when asked to', async () => {
		const result = await runWorkflow({
			items,
			nodes: [waiting({ flowId: '103', unsuccessfulRuns: 'output' })],
			credentials: credentialFor(standin()),
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs('Patchworks')[0][0].json).toMatchObject({
			status: 'stopped',
			rawStatus: 4,
		});
	});

	it('puts a failed run’s items on the error output with Continue On Fail', async () => {
		const result = await runWorkflow({
			items,
			nodes: [{ ...waiting({ flowId: '102' }), onError: 'continueErrorOutput' }],
			credentials: credentialFor(standin()),
		});
		const [success, failure] = result.outputs('Patchworks');
		expect(success).toEqual([]);
		expect(failure).toEqual([
			{
				json: { sku: 'S1', error: `Flow run ${standin().runs[0].id} ended with status failure` },
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Start: Wait for Completion, bounded', () => {
	const standin = useStandin({ runDurationMs: 60_000 });

	it('gives up after Wait Timeout, saying the run carries on', async () => {
		const began = Date.now();
		const result = await runWorkflow({
			items,
			nodes: [waiting({ waitTimeout: 1 })],
			credentials: credentialFor(standin()),
		});
		expect(Date.now() - began).toBeLessThan(3000);
		expect(result.error?.message).toBe(
			`Flow run ${standin().runs[0].id} had not finished after 1 s`,
		);
		expect(standin().requests.filter((r) => r.method === 'GET').length).toBeLessThanOrEqual(3);
	});

	it('stops at once when the execution is cancelled', async () => {
		const running = startWorkflow({
			items,
			nodes: [waiting()],
			credentials: credentialFor(standin()),
		});
		const began = Date.now();
		setTimeout(() => running.cancel(), 400);
		const result = await running.result;
		expect(Date.now() - began).toBeLessThan(1500);
		expect(result.status).toBe('canceled');
		expect(standin().runs).toHaveLength(1);
	});
});
