import { runWorkflow } from '../../../../helpers/engine';
import { credentialFor, useStandin } from '../../setup';
import { flowRunNode, iso, seedRun, trail } from './setup';

describe('Flow Run → Get Logs', () => {
	const standin = useStandin();
	const getLogs = (parameters: Record<string, unknown>, items = [{ json: {} }], settings = {}) =>
		runWorkflow({
			items,
			nodes: [flowRunNode('getLogs', { flowRunId: '1000', ...parameters }, settings)],
			credentials: credentialFor(standin()),
		});

	it('outputs each log entry, oldest first: level, message, step and time', async () => {
		const run = seedRun(standin(), { durationMs: 2000, finalStatus: 3, payload: 'abc' }, 3000);

		const result = await getLogs({});

		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs/1000/flow-run-logs?sort=id&page=1&per_page=50 200',
		]);
		const end = iso(run.startedAt + 2000);
		const entry = (logId: number, level: string, message: string, stepId: number | null) => ({
			flowRunId: '1000',
			logId,
			level,
			message,
			stepId,
			time: logId < 10003 ? iso(run.startedAt) : end,
			payloadMetadataId: null,
		});
		expect(result.outputs('Patchworks')[0]).toEqual(
			[
				entry(10001, 'info', 'Flow run started.', null),
				entry(10002, 'info', 'Payload received (3 bytes).', 1),
				entry(10003, 'info', 'Map shape completed.', 2),
				entry(10004, 'error', 'Flow run failed: the step raised an error.', null),
			].map((json) => ({ json, pairedItem: { item: 0 } })),
		);
	});

	it('asks for no more than the limit', async () => {
		seedRun(standin());

		const result = await getLogs({ limit: 3 });

		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs/1000/flow-run-logs?sort=id&page=1&per_page=3 200',
		]);
		expect(result.outputs('Patchworks')[0].map((item) => item.json.logId)).toEqual([
			10001, 10002, 10003,
		]);
	});

	it('follows the pages with Return All, reading JSON:API entries too', async () => {
		const entry = (id: string, message: string) => ({
			id,
			type: 'flow-run-logs',
			attributes: { log_level: 'info', log_message: message, flow_step_id: 7, created_at: 't' },
		});
		const next = `${standin().url}/api/v1/flow-runs/1000/flow-run-logs?page=2`;
		standin().script({
			path: /flow-run-logs$/,
			status: 200,
			body: {
				data: [entry('1', 'one'), entry('2', 'two')],
				meta: { current_page: 1, last_page: 2 },
				links: { next },
			},
		});
		standin().script({
			path: /flow-run-logs$/,
			status: 200,
			body: {
				data: [entry('3', 'three')],
				meta: { current_page: 2, last_page: 2 },
				links: { next: null },
			},
		});

		const result = await getLogs({ returnAll: true });

		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs/1000/flow-run-logs?sort=id&page=1&per_page=100 200',
			'GET /api/v1/flow-runs/1000/flow-run-logs?sort=id&page=2&per_page=100 200',
		]);
		expect(result.outputs('Patchworks')[0].map((item) => item.json)).toEqual(
			[
				[1, 'one'],
				[2, 'two'],
				[3, 'three'],
			].map(([logId, message]) => ({
				flowRunId: '1000',
				logId,
				level: 'info',
				message,
				stepId: 7,
				time: 't',
				payloadMetadataId: null,
			})),
		);
	});

	it('pairs each item’s entries with that item', async () => {
		seedRun(standin());
		seedRun(standin(), { durationMs: 60_000 });
		const items = [{ json: { run: '1001' } }, { json: { run: '1000' } }];

		const result = await getLogs({ flowRunId: '={{ $json.run }}', limit: 2 }, items);

		expect(
			result.outputs('Patchworks')[0].map((item) => [item.json.logId, item.pairedItem]),
		).toEqual([
			[10011, { item: 0 }],
			[10012, { item: 0 }],
			[10001, { item: 1 }],
			[10002, { item: 1 }],
		]);
	});

	it('explains an unknown run, and continues on fail with the error paired', async () => {
		const result = await getLogs({ flowRunId: '999' }, [{ json: {} }], {
			onError: 'continueRegularOutput',
		});

		const [item] = result.outputs('Patchworks')[0];
		expect(result.outputs('Patchworks')[0]).toHaveLength(1);
		expect(item.json).toEqual({ error: 'Patchworks found no flow run 999 (404)' });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.error).toMatchObject({
			httpCode: '404',
			description:
				'Patchworks said: Flow run not found.\nRun logs are kept for 7 days. Check the Flow Run ID.',
		});
	});
});
