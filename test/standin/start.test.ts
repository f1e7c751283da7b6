import { startStandin } from './index';
import { API_KEY, call, startFlow } from './testing';
import type { RunIdField, Standin } from './types';

const required = {
	message: 'The payload field is required.',
	errors: { payload: ['The payload field is required.'] },
};

describe('stand-in start service', () => {
	let standin: Standin;

	beforeAll(async () => {
		standin = await startStandin();
	});

	beforeEach(() => standin.reset());

	afterAll(() => standin.close());

	it('starts the deployed version and records the run', async () => {
		const reply = await startFlow(standin, '/api/v1/flows/101/start', '[{"id":1}]');
		expect(reply.status).toBe(200);
		expect(reply.text).toMatch(/^\{"message":"Flow initialised\.","flow_run_id":\d+\}$/);
		expect(standin.runs).toEqual([
			expect.objectContaining({
				flowId: 101,
				version: null,
				flowVersionId: 1,
				payload: '[{"id":1}]',
				trigger: 'start',
				raw: false,
			}),
		]);
		expect(standin.runs[0].id).toMatch(/^\d+$/);
	});

	it('runs a named version on /manual/{version}', async () => {
		const reply = await startFlow(standin, '/api/v1/flows/101/manual/2', '<a/>');
		expect(reply.status).toBe(200);
		expect(standin.runs[0]).toMatchObject({ version: 2, flowVersionId: 2, trigger: 'manual' });
	});

	it('runs an undeployed flow when its version is named', async () => {
		expect((await startFlow(standin, '/api/v1/flows/103/start/1', 'x')).status).toBe(200);
	});

	it('treats a fully empty body as an empty payload', async () => {
		const reply = await call(standin, 'POST', '/api/v1/flows/102/start', { auth: API_KEY });
		expect(reply.status).toBe(200);
		expect(standin.requests[0].headers['content-length']).toBe('0');
		expect(standin.runs[0].payload).toBe('');
	});

	it.each([
		['a missing payload', { json: {} }, required],
		['an empty payload', { json: { payload: '' } }, required],
		['a whitespace payload', { json: { payload: ' \n\t' } }, required],
		['a null payload', { json: { payload: null } }, required],
		[
			'a body that is not JSON',
			{ body: 'payload', headers: { 'content-type': 'application/json' } },
			required,
		],
		['a JSON array body', { json: ['x'] }, required],
		['JSON without a JSON content type', { body: '{"payload":"x"}' }, required],
		[
			'a payload that is not a string',
			{ json: { payload: { a: 1 } } },
			{
				message: 'The payload field must be a string.',
				errors: { payload: ['The payload field must be a string.'] },
			},
		],
	])('answers %s with 422', async (_case, init, expected) => {
		const reply = await call(standin, 'POST', '/api/v1/flows/101/start', {
			auth: API_KEY,
			...init,
		});
		expect(reply.status).toBe(422);
		expect(reply.json).toEqual(expected);
		expect(standin.runs).toHaveLength(0);
	});

	it.each([
		['/api/v1/flows/999/start', 404, 'Flow not found.'],
		['/api/v1/flows/abc/manual', 404, 'Flow not found.'],
		['/api/v1/flows/101/start/9', 404, 'Flow version not found.'],
		['/api/v1/flows/101/manual/two', 404, 'Flow version not found.'],
		['/api/v1/flows/103/start', 422, 'No deployed version'],
		['/api/v1/flows/103/manual', 422, 'No deployed version'],
	])('answers POST %s with %i', async (path, status, text) => {
		const reply = await startFlow(standin, path, 'x');
		expect(reply.status).toBe(status);
		expect(reply.json).toEqual({ message: text });
	});

	it('checks the flow before the payload', async () => {
		const reply = await startFlow(standin, '/api/v1/flows/999/start', '');
		expect(reply.status).toBe(404);
	});

	it('refuses a start without credentials and starts nothing', async () => {
		expect((await startFlow(standin, '/api/v1/flows/101/start', 'x', '')).status).toBe(401);
		expect(standin.runs).toHaveLength(0);
	});

	it('passes any JSON body through unchanged on the raw variants', async () => {
		const body = '{ "orders": [1, 2],\n "note": "é" }';
		const headers = { 'content-type': 'application/json' };
		for (const path of ['/start/raw', '/start/raw/2', '/manual/raw', '/manual/raw/1']) {
			const reply = await call(standin, 'POST', `/api/v1/flows/101${path}`, {
				auth: API_KEY,
				headers,
				body,
			});
			expect(reply.status).toBe(200);
		}
		expect(standin.runs.map((run) => [run.trigger, run.version, run.raw])).toEqual([
			['start', null, true],
			['start', 2, true],
			['manual', null, true],
			['manual', 1, true],
		]);
		expect(standin.runs.every((run) => run.payload === body)).toBe(true);
		const invalid = await call(standin, 'POST', '/api/v1/flows/101/start/raw', {
			auth: API_KEY,
			body: '{oops',
		});
		expect(invalid.status).toBe(422);
		expect(invalid.json).toEqual({
			message: 'The request body must be valid JSON.',
			errors: { body: ['The request body must be valid JSON.'] },
		});
	});
});

describe('stand-in run ids', () => {
	it('writes ids beyond 2^53 as exact digits', async () => {
		const standin = await startStandin({ nextRunId: '9007199254740993' });
		try {
			const first = await startFlow(standin, '/api/v1/flows/101/start', 'x');
			const second = await startFlow(standin, '/api/v1/flows/101/start', 'x');
			expect(first.text).toBe('{"message":"Flow initialised.","flow_run_id":9007199254740993}');
			expect(second.text).toBe('{"message":"Flow initialised.","flow_run_id":9007199254740994}');
			expect(standin.runs.map((run) => run.id)).toEqual(['9007199254740993', '9007199254740994']);
			const run = await call(standin, 'GET', '/api/v1/flow-runs/9007199254740993', {
				auth: API_KEY,
			});
			expect(run.text).toMatch(/^\{"data":\{"id":9007199254740993,"flow_id":101,/);
		} finally {
			await standin.close();
		}
	});

	it.each<[RunIdField, string]>([
		['flow_run_id', '{"message":"Flow initialised.","flow_run_id":5}'],
		['id', '{"message":"Flow initialised.","id":5}'],
		['run_id', '{"message":"Flow initialised.","run_id":5}'],
		['data.flow_run_id', '{"message":"Flow initialised.","data":{"flow_run_id":5}}'],
		['data.id', '{"message":"Flow initialised.","data":{"id":5}}'],
		['none', '{"message":"Flow initialised."}'],
	])('puts the run id in %s', async (runIdField, expected) => {
		const standin = await startStandin({ runIdField, nextRunId: 5n });
		try {
			expect((await startFlow(standin, '/api/v1/flows/102/start', 'x')).text).toBe(expected);
		} finally {
			await standin.close();
		}
	});
});
