import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../../../helpers/engine';
import type { Standin } from '../../../../standin';
import { credentialFor, useStandin } from '../../setup';
import { flowRunNode, seedRun, trail } from './setup';

const HOUR = 3_600_000;
const BASE = Date.parse('2025-06-01T12:00:00Z');
const flow = (value: string, mode = 'list') => ({ __rl: true, mode, value });

/** Six runs an hour apart from BASE, oldest first: flows 101/102 in turn, statuses 2,3,5,2,5,4. */
function seedSix(standin: Standin) {
	const statuses = [2, 3, 5, 2, 5, 4] as const;
	return statuses.map((finalStatus, hour) => {
		const run = seedRun(standin, { flowId: hour % 2 === 0 ? 101 : 102, finalStatus });
		run.startedAt = BASE + hour * HOUR;
		return run;
	});
}

describe('Flow Run → Get Many', () => {
	const standin = useStandin();
	const getMany = (parameters: INodeParameters, settings = {}, workflowSettings = {}) =>
		runWorkflow({
			items: [{ json: {} }],
			nodes: [flowRunNode('getMany', parameters, settings)],
			credentials: credentialFor(standin()),
			settings: workflowSettings,
		});
	const ids = (result: Awaited<ReturnType<typeof getMany>>) =>
		result.outputs('Patchworks')[0].map((item) => item.json.flowRunId);

	it('lists a flow’s runs newest first, filtered by status and start time', async () => {
		seedSix(standin());

		const result = await getMany({
			flowId: flow('101'),
			filters: {
				status: ['success', 'partialSuccess'],
				startedAfter: '2025-06-01T12:30:00Z',
				startedBefore: '2025-06-01T17:00:00.000Z',
			},
		});

		expect(trail(standin())).toEqual([
			`GET /api/v1/flow-runs?filter[flow_id]=101&filter[status]=2,5&filter[started_after]=${BASE + HOUR / 2}&filter[started_before]=${BASE + 5 * HOUR}&sort=-started_at&page=1&per_page=50 200`,
		]);
		expect(ids(result)).toEqual(['1004', '1002']);
		expect(result.outputs('Patchworks')[0][0]).toEqual({
			json: expect.objectContaining({
				flowRunId: '1004',
				status: 'partial success',
				rawStatus: 5,
				flowId: 101,
				startedAt: '2025-06-01T16:00:00.000Z',
				url: `${standin().url}/flow-run-logs/1004`,
			}),
			pairedItem: { item: 0 },
		});
	});

	it('lists the runs of all flows when no flow is chosen, up to the limit', async () => {
		seedSix(standin());

		const result = await getMany({ limit: 2 });

		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs?sort=-started_at&page=1&per_page=2 200',
		]);
		expect(ids(result)).toEqual(['1005', '1004']);
	});

	it('follows the pages with Return All', async () => {
		for (let i = 0; i < 120; i++) seedRun(standin(), {}, (120 - i) * 1000);

		const result = await getMany({ returnAll: true, flowId: '101' });

		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs?filter[flow_id]=101&sort=-started_at&page=1&per_page=100 200',
			'GET /api/v1/flow-runs?filter[flow_id]=101&sort=-started_at&page=2&per_page=100 200',
		]);
		expect(ids(result)).toHaveLength(120);
		expect(ids(result).slice(0, 2)).toEqual(['1119', '1118']);
		expect(ids(result).at(-1)).toBe('1000');
		const pairs = new Set(
			result.outputs('Patchworks')[0].map((item) => JSON.stringify(item.pairedItem)),
		);
		expect([...pairs]).toEqual(['{"item":0}']);
	});

	it.each([
		['a plain string saved before Flow was a picker', '102'],
		['By ID', flow('102', 'id')],
		['By ID from an expression', flow('={{ 100 + 2 }}', 'id')],
		['By URL', flow('https://app.wearepatchworks.com/process-flows/102/canvas?x=1', 'url')],
	])('takes the flow from %s', async (_how, value) => {
		await getMany({ flowId: value as INodeParameters[string] });

		expect(standin().requests[0].query.get('filter[flow_id]')).toBe('102');
	});

	it('reads a date without an offset in the workflow’s time zone', async () => {
		await getMany(
			{ filters: { startedAfter: '2025-06-01T13:30:00' } },
			{},
			{ timezone: 'Europe/Paris' },
		);

		expect(standin().requests[0].query.get('filter[started_after]')).toBe(
			String(Date.parse('2025-06-01T11:30:00Z')),
		);
	});

	it('filters on the deployed version, looking it up once', async () => {
		standin().flows[0].versions.push({ id: 57, number: 3, status: 'deployed' });
		standin().flows[0].deployed = 3;
		try {
			const result = await getMany({
				flowId: flow('101'),
				filters: { flowVersion: { __rl: true, mode: 'list', value: 'deployed' } },
			});

			expect(result.error).toBeUndefined();
			expect(trail(standin())).toEqual([
				'GET /api/v1/flows/101?include=deployedVersion 200',
				'GET /api/v1/flow-runs?filter[flow_id]=101&filter[flow_version_id]=57&sort=-started_at&page=1&per_page=50 200',
			]);
		} finally {
			standin().flows[0].versions.pop();
			standin().flows[0].deployed = 1;
		}
	});

	it('filters on a chosen version without a lookup', async () => {
		await getMany({
			flowId: flow('101'),
			filters: { flowVersion: { __rl: true, mode: 'id', value: ' 2 ' } },
		});

		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs?filter[flow_id]=101&filter[flow_version_id]=2&sort=-started_at&page=1&per_page=50 200',
		]);
	});

	it.each([
		[
			{ flowId: flow('103'), filters: { flowVersion: flow('deployed') } },
			'Flow 103 has no deployed version (item 0)',
			'Choose a version by ID, or remove the Version filter. Nothing was read.',
		],
		[
			{ filters: { flowVersion: flow('deployed') } },
			'The Version filter needs a Flow (item 0)',
			'Choose the Flow whose deployed version to filter on. Nothing was read.',
		],
		[
			{ flowId: flow('={{ "abc" }}', 'id') },
			'Flow must be a flow ID, but is "abc" (item 0)',
			'Flow IDs are numbers such as 101. Nothing was read.',
		],
		[
			{ filters: { startedBefore: '={{ "last Tuesday" }}' } },
			'Started Before is not a date and time: "last Tuesday" (item 0)',
			'Use a date such as 2025-06-30T14:00:00. Nothing was read.',
		],
	])('refuses %j with a message', async (parameters, message, description) => {
		const result = await getMany(parameters as INodeParameters);

		expect(result.error).toMatchObject({ message, description });
		expect(standin().requests.filter((r) => r.path === '/api/v1/flow-runs')).toEqual([]);
	});
});

describe('Flow Run → Get Many: JSON:API resources and named statuses', () => {
	const standin = useStandin({ listStyle: 'attributes', statusStyle: 'named' });

	it('asks for statuses by number and reads them by name', async () => {
		seedSix(standin());

		const result = await runWorkflow({
			items: [{ json: {} }],
			nodes: [flowRunNode('getMany', { filters: { status: ['stopped', 'failure'] } })],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests[0].query.get('filter[status]')).toBe('4,3');
		expect(result.outputs('Patchworks')[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ flowRunId: '1005', status: 'stopped', rawStatus: 'STOPPED' }),
			expect.objectContaining({ flowRunId: '1001', status: 'failure', rawStatus: 'FAILURE' }),
		]);
	});
});
