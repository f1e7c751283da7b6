import {
	executeWorkflow,
	nodeOutput,
	readExampleWorkflow,
	searchList,
	startServer,
	START_WAIT_LOGS_WORKFLOW,
	N8nRestError,
	type N8nServer,
} from '../../scripts/n8n';
import type { RecordedRequest } from '../standin';
import {
	API_KEY,
	failureDetails,
	pairedIndexes,
	prepareLine,
	requestsSeen,
	type LineContext,
} from './harness';
import { linesUnderTest } from './lines';

const workflow = readExampleWorkflow(START_WAIT_LOGS_WORKFLOW);
const ORDERS = 'Make 3 orders';
const START = 'Start and wait';
const LOGS = 'Get run logs';
// Long enough that the first check finds the run still going, short enough for a test.
const RUN_DURATION_MS = 1500;

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(linesUnderTest())('picking, starting and reading a flow in n8n $version', (line) => {
	let context: LineContext;
	// When the stand-in answered each request, on the clock it decides a run's status by.
	const answeredAt = new Map<RecordedRequest, number>();

	beforeAll(async () => {
		context = await prepareLine(line, [workflow], {
			runDurationMs: RUN_DURATION_MS,
			onReply: (request) => answeredAt.set(request, Date.now()),
		});
	});

	afterAll(async () => {
		await context?.dispose();
	});

	beforeEach(() => {
		context.standin.reset();
		answeredAt.clear();
	});

	describe('the editor’s pickers', () => {
		let server: N8nServer;

		beforeAll(async () => {
			server = await startServer(context.instance);
		});

		afterAll(async () => {
			await server?.stop();
		});

		it('lists only Stock sync when the Flow list is searched for "stock"', async () => {
			const found = await searchList(server, workflow, START, 'flowId', { filter: 'stock' });

			expect(found).toEqual({ results: [{ name: 'Stock sync (ID 102)', value: '102' }] });
			expect(requestsSeen(context)).toEqual(['GET /api/v1/flows?page=1&per_page=100']);
			expect(context.standin.requests[0].headers.authorization).toBe(API_KEY);
		});

		it('lists Deployed Version first, then the versions of flow 101', async () => {
			const flowId = { __rl: true, mode: 'list', value: '101' };
			const found = await searchList(server, workflow, START, 'flowVersion', {
				parameters: { flowId },
			});

			expect(found).toEqual({
				results: [
					{
						name: 'Deployed Version',
						value: 'deployed',
						description: 'Whatever version is deployed when the run starts',
					},
					{ name: 'Version 1 · ID 1 · DEPLOYED', value: '1' },
					{ name: 'Version 2 · ID 2 · draft', value: '2' },
				],
			});
			expect(requestsSeen(context)).toEqual(['GET /api/v1/flows/101/versions?page=1&per_page=100']);
		});

		it('says why the Version list cannot load for a flow that does not exist', async () => {
			const flowId = { __rl: true, mode: 'id', value: '999' };
			const search = searchList(server, workflow, START, 'flowVersion', { parameters: { flowId } });

			// n8n answers any error of a list search with a 500; the editor shows its message.
			const error = await search.catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(N8nRestError);
			expect(error).toMatchObject({
				status: 500,
				body: {
					message: expect.stringMatching(/\bflow 999\b.*\b404\b/i),
					// What Patchworks (here the stand-in) said, passed on.
					description: expect.stringContaining('Flow not found.'),
				},
			});
			expect(requestsSeen(context)).toEqual(['GET /api/v1/flows/999/versions?page=1&per_page=100']);
		});
	});

	describe('the example workflow, run headlessly', () => {
		it('starts flow 102, checks the run until it has finished, then outputs its logs', async () => {
			const execution = await executeWorkflow(context.instance, workflow.id);
			const run = execution.run;
			if (!run || execution.exitCode !== 0) throw new Error(failureDetails(execution));
			expect(run.data.resultData.error).toBeUndefined();

			const orders = nodeOutput(run, ORDERS).map((item) => item.json);
			expect(orders).toHaveLength(3);
			expect(context.standin.runs).toHaveLength(1);
			const [started] = context.standin.runs;
			expect(started).toMatchObject({ flowId: 102, version: null, trigger: 'manual' });
			expect(started.payload).toBe(JSON.stringify(orders));
			const finishedAt = started.startedAt + RUN_DURATION_MS;

			// The start, one check or more of the run, then its logs; nothing else.
			const runPath = `/api/v1/flow-runs/${started.id}`;
			const seen = requestsSeen(context);
			const checks = context.standin.requests.slice(1, -1);
			expect(seen).toEqual([
				'POST /api/v1/flows/102/manual',
				...checks.map(() => `GET ${runPath}`),
				`GET ${runPath}/flow-run-logs?sort=id&page=1&per_page=100`,
			]);
			// Every check but the last was answered while the run was still going.
			expect(checks.length).toBeGreaterThanOrEqual(2);
			for (const check of checks.slice(0, -1)) {
				expect(answeredAt.get(check)).toBeLessThan(finishedAt);
			}
			expect(context.standin.requests.every((r) => r.headers.authorization === API_KEY)).toBe(true);

			const startOutput = nodeOutput(run, START);
			expect(startOutput.map((item) => item.json)).toEqual([
				{
					flowRunId: started.id,
					flowId: 102,
					flowVersion: null,
					itemCount: 3,
					payloadBytes: Buffer.byteLength(started.payload),
					part: 1,
					partCount: 1,
					message: 'Flow initialised.',
					status: 'success',
					rawStatus: 2,
					startedAt: iso(started.startedAt),
					finishedAt: iso(finishedAt),
					durationMs: RUN_DURATION_MS,
					duration: RUN_DURATION_MS,
					hasWarnings: false,
					summary: null,
					url: `${context.standin.url}/flow-run-logs/${started.id}`,
				},
			]);
			expect(pairedIndexes(startOutput[0])).toEqual([0, 1, 2]);

			const logs = nodeOutput(run, LOGS);
			const entry = (
				n: number,
				level: string,
				message: string,
				step: number | null,
				at: number,
			) => ({
				flowRunId: started.id,
				logId: Number(started.id) * 10 + n,
				level,
				message,
				stepId: step,
				time: iso(at),
				payloadMetadataId: null,
			});
			const bytes = Buffer.byteLength(started.payload);
			expect(logs.map((item) => item.json)).toEqual([
				entry(1, 'info', 'Flow run started.', null, started.startedAt),
				entry(2, 'info', `Payload received (${bytes} bytes).`, 1, started.startedAt),
				entry(3, 'info', 'Map shape completed.', 2, finishedAt),
				entry(4, 'info', 'Flow run finished successfully.', null, finishedAt),
			]);
			expect(logs.map(pairedIndexes)).toEqual([[0], [0], [0], [0]]);
		});
	});
});
