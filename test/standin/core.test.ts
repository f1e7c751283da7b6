import { startStandin } from './index';
import { API_KEY, call, sleep, startFlow } from './testing';
import type { Standin } from './types';

interface Page {
	data: Array<Record<string, unknown>>;
	meta: Record<string, unknown>;
	links: Record<string, unknown>;
}

async function get<T = Page>(standin: Standin, path: string): Promise<T> {
	const reply = await call(standin, 'GET', path, { auth: API_KEY });
	expect(reply.status).toBe(200);
	return reply.json as T;
}

describe('stand-in core API', () => {
	let standin: Standin;

	beforeAll(async () => {
		standin = await startStandin({ runDurationMs: 100, runOutcome: { 102: 3 } });
	});

	afterAll(() => standin.close());

	it('lists flows as flat objects with pagination meta and links', async () => {
		const page = await get(standin, '/api/v1/flows');
		expect(page.data[0]).toEqual({
			id: 101,
			name: 'Orders to ERP',
			is_enabled: true,
			deployed_version: { id: 1, number: 1, status: 'deployed' },
			versions: [
				{ id: 1, number: 1, status: 'deployed' },
				{ id: 2, number: 2, status: 'draft' },
			],
		});
		expect(page.data.map((flow) => flow.id)).toEqual([101, 102, 103]);
		expect(page.data[2].deployed_version).toBeNull();
		const path = `${standin.url}/api/v1/flows`;
		expect(page.meta).toEqual({
			current_page: 1,
			from: 1,
			last_page: 1,
			path,
			per_page: 15,
			to: 3,
			total: 3,
		});
		expect(page.links).toEqual({
			first: `${path}?page=1`,
			last: `${path}?page=1`,
			prev: null,
			next: null,
		});
	});

	it('pages with page and per_page, capping per_page at 250', async () => {
		const second = await get(standin, '/api/v1/flows?per_page=2&page=2');
		const path = `${standin.url}/api/v1/flows`;
		expect(second.data.map((flow) => flow.id)).toEqual([103]);
		expect(second.meta).toMatchObject({ current_page: 2, from: 3, to: 3, last_page: 2 });
		expect(second.links).toEqual({
			first: `${path}?per_page=2&page=1`,
			last: `${path}?per_page=2&page=2`,
			prev: `${path}?per_page=2&page=1`,
			next: null,
		});
		expect((await get(standin, '/api/v1/flows?per_page=1000')).meta.per_page).toBe(250);
		const beyond = await get(standin, '/api/v1/flows?page=9');
		expect(beyond.data).toEqual([]);
		expect(beyond.meta).toMatchObject({ from: null, to: null });
	});

	it('gets one flow, or 404 for an unknown one', async () => {
		const flow = await get<{ data: { name: string } }>(standin, '/api/v1/flows/102');
		expect(flow.data.name).toBe('Stock sync');
		const missing = await call(standin, 'GET', '/api/v1/flows/999', { auth: API_KEY });
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ message: 'Flow not found.' });
	});

	it('moves a run from status 1 to its outcome once runDurationMs has passed', async () => {
		await startFlow(standin, '/api/v1/flows/101/start', 'x');
		await startFlow(standin, '/api/v1/flows/102/manual', 'y');
		const [ok, failing] = standin.runs;
		const running = await get<{ data: Record<string, unknown> }>(
			standin,
			`/api/v1/flow-runs/${ok.id}`,
		);
		expect(running.data).toEqual({
			id: Number(ok.id),
			flow_id: 101,
			flow_version_id: 1,
			status: 1,
			summary: null,
			trigger: 'API',
			started_at: new Date(ok.startedAt).toISOString(),
			finished_at: null,
			duration: null,
			has_warnings: false,
			retry_flow_run_id: null,
		});
		expect((await get(standin, `/api/v1/flow-runs/${ok.id}/flow-run-logs`)).data).toHaveLength(2);
		await sleep(120);
		const done = await get<{ data: Record<string, unknown> }>(
			standin,
			`/api/v1/flow-runs/${ok.id}`,
		);
		expect(done.data).toMatchObject({
			status: 2,
			finished_at: new Date(ok.startedAt + 100).toISOString(),
			duration: 100,
		});
		const logs = await get(standin, `/api/v1/flow-runs/${failing.id}/flow-run-logs`);
		expect(logs.data).toHaveLength(4);
		expect(logs.data[3]).toMatchObject({ log_level: 'error', flow_step_id: null });
		expect(logs.meta).toMatchObject({ total: 4, per_page: 15 });
		const failed = await get<{ data: { status: number; trigger: string } }>(
			standin,
			`/api/v1/flow-runs/${failing.id}`,
		);
		expect(failed.data).toMatchObject({ status: 3, trigger: 'Manual' });
	});

	it('lists runs with filters and newest first', async () => {
		standin.reset();
		for (const flow of [101, 102, 101])
			await startFlow(standin, `/api/v1/flows/${flow}/start`, 'x');
		const ids = standin.runs.map((run) => Number(run.id));
		const all = await get(standin, '/api/v1/flow-runs?sort=-started_at');
		expect(all.data.map((run) => run.id)).toEqual([ids[2], ids[1], ids[0]]);
		const of101 = await get(standin, '/api/v1/flow-runs?filter[flow_id]=101&per_page=1');
		expect(of101.data.map((run) => run.id)).toEqual([ids[0]]);
		expect(of101.meta).toMatchObject({ total: 2, last_page: 2 });
		const started = await get(standin, '/api/v1/flow-runs?filter[status]=1');
		expect(started.data).toHaveLength(3);
	});

	it('answers 404 for an unknown run and its logs', async () => {
		for (const path of ['/api/v1/flow-runs/1', '/api/v1/flow-runs/1/flow-run-logs']) {
			const reply = await call(standin, 'GET', path, { auth: API_KEY });
			expect(reply.status).toBe(404);
			expect(reply.json).toEqual({ message: 'Flow run not found.' });
		}
	});
});

describe('stand-in core API in JSON:API style', () => {
	it('wraps items as {id, type, attributes}', async () => {
		const standin = await startStandin({ listStyle: 'attributes' });
		try {
			const page = await get(standin, '/api/v1/flows?per_page=1');
			expect(page.data).toEqual([
				{
					id: '101',
					type: 'flows',
					attributes: expect.objectContaining({ name: 'Orders to ERP' }),
				},
			]);
			await startFlow(standin, '/api/v1/flows/102/start', 'x');
			const run = await get<{ data: unknown }>(standin, `/api/v1/flow-runs/${standin.runs[0].id}`);
			expect(run.data).toEqual({
				id: standin.runs[0].id,
				type: 'flow-runs',
				attributes: expect.objectContaining({ status: 2, flow_id: 102 }),
			});
		} finally {
			await standin.close();
		}
	});
});

describe('stand-in core API: versions, named statuses and time filters', () => {
	let standin: Standin;

	beforeAll(async () => {
		standin = await startStandin({ statusStyle: 'named', runOutcome: { 102: 5 } });
	});

	afterAll(() => standin.close());

	it('lists a flow’s versions with pagination, or 404 for an unknown flow', async () => {
		const page = await get(standin, '/api/v1/flows/101/versions?per_page=1&page=2');
		expect(page.data).toEqual([{ id: 2, flow_id: 101, number: 2, status: 'draft' }]);
		expect(page.meta).toMatchObject({ current_page: 2, last_page: 2, total: 2 });
		const missing = await call(standin, 'GET', '/api/v1/flows/999/versions', { auth: API_KEY });
		expect(missing.status).toBe(404);
	});

	it('names statuses and filters on names or numbers', async () => {
		standin.reset();
		await startFlow(standin, '/api/v1/flows/101/start', 'x');
		await startFlow(standin, '/api/v1/flows/102/start', 'y');
		const [first, second] = standin.runs.map((run) => Number(run.id));
		const run = await get<{ data: { status: unknown } }>(standin, `/api/v1/flow-runs/${second}`);
		expect(run.data.status).toBe('PARTIAL_SUCCESS');
		const byNumber = await get(standin, '/api/v1/flow-runs?filter[status]=2');
		const byName = await get(standin, '/api/v1/flow-runs?filter[status]=partial_success,x');
		expect(byNumber.data.map((r) => r.id)).toEqual([first]);
		expect(byName.data.map((r) => r.id)).toEqual([second]);
	});

	it('filters on start time in Unix milliseconds, both bounds exclusive', async () => {
		standin.reset();
		for (const flow of [101, 101, 101])
			await startFlow(standin, `/api/v1/flows/${flow}/start`, 'x');
		const [a, b, c] = standin.runs;
		a.startedAt = 1_000;
		b.startedAt = 2_000;
		c.startedAt = 3_000;
		const ids = async (query: string) =>
			(await get(standin, `/api/v1/flow-runs?${query}`)).data.map((r) => String(r.id));
		expect(await ids('filter[started_after]=1000')).toEqual([b.id, c.id]);
		expect(await ids('filter[started_before]=3000')).toEqual([a.id, b.id]);
		expect(await ids('filter[started_after]=1000&filter[started_before]=3000')).toEqual([b.id]);
		const bad = await call(standin, 'GET', '/api/v1/flow-runs?filter[started_after]=yesterday', {
			auth: API_KEY,
		});
		expect(bad.status).toBe(422);
	});
});
