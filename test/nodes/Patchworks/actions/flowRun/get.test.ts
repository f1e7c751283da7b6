import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { runWorkflow } from '../../../../helpers/engine';
import { call } from '../../../../standin/testing';
import { credentialFor, useStandin } from '../../setup';
import { flowRunNode, iso, seedRun, trail } from './setup';

const getNode = (flowRunId: string, settings = {}) => flowRunNode('get', { flowRunId }, settings);

describe('Flow Run → Get', () => {
	const standin = useStandin();
	const run = (flowRunId: string, settings = {}, items = [{ json: {} }]) =>
		runWorkflow({
			items,
			nodes: [getNode(flowRunId, settings)],
			credentials: credentialFor(standin()),
		});

	it('gets each item’s run: status word and raw value, times, flow, version and its link', async () => {
		const done = seedRun(standin(), { durationMs: 1500, finalStatus: 3 }, 5000);
		const going = seedRun(standin(), { durationMs: 60_000, flowId: 102, trigger: 'manual' });
		const items = [{ json: { runId: done.id } }, { json: { runId: ` ${going.id} ` } }];

		const result = await run('={{ $json.runId }}', {}, items);

		expect(result.error).toBeUndefined();
		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs/1000 200',
			'GET /api/v1/flow-runs/1001 200',
		]);
		expect(result.outputs('Patchworks')[0]).toEqual([
			{
				json: {
					flowRunId: '1000',
					status: 'failure',
					rawStatus: 3,
					finished: true,
					flowId: 101,
					flowVersionId: 1,
					trigger: 'API',
					startedAt: iso(done.startedAt),
					finishedAt: iso(done.startedAt + 1500),
					durationMs: 1500,
					duration: 1500,
					hasWarnings: false,
					summary: null,
					url: `${standin().url}/flow-run-logs/1000`,
				},
				pairedItem: { item: 0 },
			},
			{
				json: expect.objectContaining({
					flowRunId: '1001',
					status: 'started',
					rawStatus: 1,
					finished: false,
					flowId: 102,
					trigger: 'Manual',
					finishedAt: null,
					durationMs: null,
					duration: null,
				}),
				pairedItem: { item: 1 },
			},
		]);
	});

	it('keeps every digit of a run id beyond 2^53', async () => {
		seedRun(standin(), { id: '9007199254740993' });

		const result = await run('9007199254740993');

		expect(trail(standin())).toEqual(['GET /api/v1/flow-runs/9007199254740993 200']);
		expect(result.outputs('Patchworks')[0][0].json).toMatchObject({
			flowRunId: '9007199254740993',
			url: `${standin().url}/flow-run-logs/9007199254740993`,
		});
	});

	it.each([
		['={{ $json.missing }}', 'Flow Run ID is required (item 0)'],
		['abc', 'Flow Run ID must be a positive whole number, but item 0 has "abc"'],
		['-5', 'Flow Run ID must be a positive whole number, but item 0 has "-5"'],
		['0', 'Flow Run ID must be a positive whole number, but item 0 has "0"'],
		['1.5', 'Flow Run ID must be a positive whole number, but item 0 has "1.5"'],
	])('refuses Flow Run ID %j before sending anything', async (flowRunId, message) => {
		const result = await run(flowRunId);

		expect(standin().requests).toEqual([]);
		expect(result.error).toMatchObject({
			message,
			description: 'Use the flowRunId that Start outputs, such as 184467. Nothing was read.',
		});
	});

	it('says when the number is too large to be exact', async () => {
		const result = await run('={{ 9007199254740993 }}');

		expect(standin().requests).toEqual([]);
		expect(result.error?.description).toBe(
			'The number is too large to be exact: pass the ID as text, as Start outputs it. Nothing was read.',
		);
	});

	it('explains an unknown run', async () => {
		const result = await run('999');

		expect(trail(standin())).toEqual(['GET /api/v1/flow-runs/999 404']);
		expect(result.error).toMatchObject({
			message: 'Patchworks found no flow run 999 (404)',
			description:
				'Patchworks said: Flow run not found.\nRun logs are kept for 7 days, and a queued run may not be visible yet.',
			httpCode: '404',
		});
	});

	it('continues on fail with one error item per failed input item, each paired with it', async () => {
		seedRun(standin());
		const items = [{ json: { id: '1000' } }, { json: { id: '999' } }, { json: { id: 'x' } }];

		const result = await run('={{ $json.id }}', { onError: 'continueErrorOutput' }, items);

		expect(result.error).toBeUndefined();
		const [ok, failed] = result.outputs('Patchworks');
		expect(ok.map((item) => [item.json.flowRunId, item.pairedItem])).toEqual([
			['1000', { item: 0 }],
		]);
		expect(failed.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Patchworks found no flow run 999 (404)', { item: 1 }],
			['Flow Run ID must be a positive whole number, but item 2 has "x"', { item: 2 }],
		]);
		expect(trail(standin())).toEqual([
			'GET /api/v1/flow-runs/1000 200',
			'GET /api/v1/flow-runs/999 404',
		]);
	});

	it('gives no link when a custom environment’s dashboard cannot be told', async () => {
		seedRun(standin());
		const credentials = {
			...credentialFor(standin()),
			loginUrl: `${standin().url}/api/v1/login`,
		};

		const result = await runWorkflow({
			items: [{ json: {} }],
			nodes: [getNode('1000')],
			credentials,
		});

		expect(result.outputs('Patchworks')[0][0].json.url).toBeNull();
	});
});

describe('Flow Run → Get: authentication', () => {
	const standin = useStandin();
	const getWith = (auth: ICredentialDataDecryptedObject) =>
		runWorkflow({
			items: [{ json: {} }],
			nodes: [getNode('1000')],
			credentials: credentialFor(standin(), auth),
		});

	it('reads with an API key, raw', async () => {
		seedRun(standin());
		const result = await getWith({ authentication: 'apiKey', apiKey: 'test-key-123' });

		expect(result.outputs('Patchworks')[0][0].json.status).toBe('success');
		expect(standin().requests.map((r) => r.headers.authorization)).toEqual(['test-key-123']);
	});

	it('reads with an access token, as Bearer', async () => {
		const login = await call(standin(), 'POST', '/fabric/api/login', {
			json: { username: 'ops@example.com', password: 'correct horse' },
		});
		const token = (login.json as { token: string }).token;
		standin().reset();
		seedRun(standin());

		const result = await getWith({ authentication: 'accessToken', accessToken: token });

		expect(result.outputs('Patchworks')[0][0].json.status).toBe('success');
		expect(standin().requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${token}`]);
	});

	it('logs in with email and password first', async () => {
		seedRun(standin());
		const result = await getWith({
			authentication: 'emailPassword',
			email: 'ops@example.com',
			password: 'correct horse',
		});

		expect(result.outputs('Patchworks')[0][0].json.status).toBe('success');
		expect(trail(standin())).toEqual([
			'POST /fabric/api/login 200',
			'GET /api/v1/flow-runs/1000 200',
		]);
	});

	it('says a rejected key is rejected, without showing it', async () => {
		const result = await getWith({ authentication: 'apiKey', apiKey: 'revoked-key' });

		expect(result.error).toMatchObject({
			message: 'Patchworks rejected the credential (401)',
			httpCode: '401',
		});
		expect(JSON.stringify(result.runData)).not.toContain('revoked-key');
	});
});

describe('Flow Run → Get: JSON:API resources and named statuses', () => {
	const standin = useStandin({ listStyle: 'attributes', statusStyle: 'named' });

	it.each([
		[2, 'success', 'SUCCESS'],
		[3, 'failure', 'FAILURE'],
		[4, 'stopped', 'STOPPED'],
		[5, 'partial success', 'PARTIAL_SUCCESS'],
	] as const)('reads status %s sent as a name', async (finalStatus, word, raw) => {
		seedRun(standin(), { finalStatus });

		const result = await runWorkflow({
			items: [{ json: {} }],
			nodes: [getNode('1000')],
			credentials: credentialFor(standin()),
		});

		expect(result.outputs('Patchworks')[0][0].json).toMatchObject({
			flowRunId: '1000',
			status: word,
			rawStatus: raw,
			finished: true,
			flowId: 101,
			hasWarnings: finalStatus === 5,
		});
	});
});
