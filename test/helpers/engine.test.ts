import { rmSync } from 'node:fs';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { CredentialStore } from './credential-store';
import { TestCredentialsHelper } from './credentials-helper';
import { runWorkflow, startWorkflow, type RunWorkflowOptions } from './engine';
import { loadPackage } from './package-loader';
import { createProbePackage } from './probe-package';
import { type RecordedRequest, type Reply, startTestServer, type TestServer } from './test-server';

// The harness checked against a throwaway package (see probe-package.ts), so it can be
// trusted before the real node is built. The server issues tokens t1, t2, ... on login and
// accepts only the latest one.
let packageDir: string;
let server: TestServer;
let logins = 0;
let validToken = '';

function respond(request: RecordedRequest): Reply | undefined {
	if (request.url === '/login') {
		validToken = `t${++logins}`;
		return { status: 200, body: { token: validToken } };
	}
	if (request.url === '/hang') return undefined;
	const apiKey = request.headers['x-api-key'];
	if (apiKey !== undefined) {
		return apiKey === 'good-key' ? { status: 200, body: { ok: true } } : { status: 401 };
	}
	if (request.headers.authorization !== `Bearer ${validToken}`) return { status: 401 };
	const { item } = JSON.parse(request.body) as { item: { orderId: string } };
	if (item.orderId === 'bad') return { status: 422, body: { message: 'Order rejected' } };
	return { status: 200, body: { accepted: item.orderId ?? null } };
}

beforeAll(async () => {
	packageDir = createProbePackage();
	server = await startTestServer(respond);
});

afterAll(async () => {
	await server.close();
	rmSync(packageDir, { recursive: true, force: true });
});

beforeEach(() => {
	server.requests.length = 0;
	logins = 0;
	validToken = 'fresh';
});

const summary = () => server.requests.map((r) => `${r.url} ${r.headers.authorization ?? ''}`);

function sessionRun(overrides: Partial<RunWorkflowOptions> = {}): RunWorkflowOptions {
	return {
		packageDir,
		credentialType: 'probeApi',
		items: [{ json: { orderId: 'a' } }],
		nodes: [{ name: 'Probe', parameters: {} }],
		credentials: { baseUrl: server.url, password: 'secret', sessionToken: 'fresh' },
		...overrides,
	};
}

describe('the engine harness', () => {
	it('sends the header of the generic authenticate, with defaults of unset fields', async () => {
		const result = await runWorkflow(sessionRun());

		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].headers).toMatchObject({
			authorization: 'Bearer fresh',
			'x-region': 'eu',
		});
		expect(result.outputs('Probe')).toEqual([
			[{ json: { accepted: 'a' }, pairedItem: { item: 0 } }],
		]);
		expect(result.hints('Probe')).toEqual([
			{ message: 'Probe sent 1 request(s)', location: 'outputPane' },
		]);
	});

	it('logs in first when the stored token is empty', async () => {
		const result = await runWorkflow(
			sessionRun({ credentials: { baseUrl: server.url, password: 'secret', sessionToken: '' } }),
		);

		expect(summary()).toEqual(['/login ', '/run Bearer t1']);
		expect(result.credentialStore?.preAuthentications).toEqual([{ credentialsExpired: false }]);
	});

	it('logs in once on a 401, resends once, and a later node reuses the new token', async () => {
		const result = await runWorkflow(
			sessionRun({
				credentials: { baseUrl: server.url, password: 'secret', sessionToken: 'stale' },
				nodes: [
					{ name: 'Probe', parameters: {} },
					{
						name: 'Probe again',
						parameters: { path: "=/run/{{ $('Orders').item.json.orderId }}" },
					},
				],
			}),
		);

		expect(result.error).toBeUndefined();
		expect(summary()).toEqual([
			'/run Bearer stale',
			'/login ',
			'/run Bearer t1',
			'/run/a Bearer t1',
		]);
		expect(JSON.parse(server.requests[1].body)).toEqual({ password: 'secret' });
		const store = result.credentialStore!;
		expect(store.preAuthentications).toEqual([{ credentialsExpired: true }]);
		expect(store.updates).toHaveLength(1);
		expect(store.data).toEqual({ baseUrl: server.url, password: 'secret', sessionToken: 't1' });
		// `$('Orders').item` follows the pairing back through Probe; the body is Probe's output.
		expect(JSON.parse(server.requests[3].body)).toEqual({ item: { accepted: 'a' } });
		expect(result.outputs('Probe again')).toEqual([
			[{ json: { accepted: null }, pairedItem: { item: 0 } }],
		]);
	});

	it('keeps the token for the next execution when given the same store', async () => {
		const store = new CredentialStore('probeApi', {
			baseUrl: server.url,
			password: 'secret',
			sessionToken: '',
		});
		await runWorkflow(sessionRun({ credentials: store }));
		await runWorkflow(sessionRun({ credentials: store }));

		expect(summary()).toEqual(['/login ', '/run Bearer t1', '/run Bearer t1']);
	});

	it('routes failed items to the error output, each paired with its input item', async () => {
		const result = await runWorkflow(
			sessionRun({
				items: [
					{ json: { orderId: 'a' } },
					{ json: { orderId: 'bad' } },
					{ json: { orderId: 'c' } },
				],
				nodes: [{ name: 'Probe', parameters: {}, onError: 'continueErrorOutput' }],
			}),
		);

		expect(result.error).toBeUndefined();
		const [success, failure] = result.outputs('Probe');
		expect(success).toEqual([
			{ json: { accepted: 'a' }, pairedItem: { item: 0 } },
			{ json: { accepted: 'c' }, pairedItem: { item: 2 } },
		]);
		// The engine merges the paired input item into each error item.
		expect(failure).toEqual([
			{
				json: {
					orderId: 'bad',
					error: 'Your request is invalid or could not be processed by the service',
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('fails the execution with the node error when the node does not continue', async () => {
		const result = await runWorkflow(
			sessionRun({
				items: [{ json: { orderId: 'bad' } }],
				nodes: [{ name: 'Probe', parameters: {} }],
			}),
		);

		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '422' });
		expect(result.nodeError('Probe')).toMatchObject({ name: 'NodeApiError' });
		expect(result.outputs('Probe')).toEqual([]);
	});

	it('refuses a workflow with an empty required parameter before any node runs', async () => {
		const result = await runWorkflow(
			sessionRun({ nodes: [{ name: 'Probe', parameters: { path: '' } }] }),
		);

		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({
			name: 'WorkflowHasIssuesError',
			message: expect.stringContaining('Parameter "Path" is required'),
		});
		expect(result.runData).toEqual({});
		expect(server.requests).toEqual([]);
	});

	it('cancels a running execution through its abort signal', async () => {
		const running = startWorkflow(
			sessionRun({ nodes: [{ name: 'Probe', parameters: { path: '/hang' } }] }),
		);
		await waitFor(() => server.requests.length === 1);
		running.cancel();
		const result = await running.result;

		expect(result.status).toBe('canceled');
		// The aborted request fails the node, so its error, not a cancellation error, is kept.
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: 'canceled',
			httpCode: 'ERR_CANCELED',
		});
	});
});

describe('the credential contract of httpRequestWithAuthentication', () => {
	const keyRun = (apiKey: string, handleStatus: boolean) =>
		runWorkflow({
			packageDir,
			credentialType: 'probeKeyApi',
			items: [{ json: { orderId: 'a' } }],
			nodes: [{ name: 'Probe', parameters: { credentialType: 'probeKeyApi', handleStatus } }],
			credentials: { baseUrl: server.url, apiKey },
		});

	it('resends a request that got a 401 even when the credential has no preAuthentication', async () => {
		const result = await keyRun('wrong-key', false);

		expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual(['wrong-key', 'wrong-key']);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
	});

	it('calls preAuthentication on a 401 in API-key mode, though the token field is hidden', async () => {
		const result = await runWorkflow({
			packageDir,
			credentialType: 'probeDualApi',
			items: [{ json: { orderId: 'a' } }],
			nodes: [{ name: 'Probe', parameters: { credentialType: 'probeDualApi' } }],
			credentials: { baseUrl: server.url, authentication: 'apiKey', apiKey: 'wrong-key' },
		});

		// Not before the first request (the hidden field is absent, not empty), but on the 401;
		// the hook returns nothing to store and the request is sent again all the same.
		expect(result.credentialStore?.preAuthentications).toEqual([{ credentialsExpired: true }]);
		expect(result.credentialStore?.updates).toEqual([]);
		expect(summary()).toEqual(['/run ', '/run ']);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
	});

	it('sends once when the node asks for the status instead of an error', async () => {
		const result = await keyRun('wrong-key', true);

		expect(server.requests).toHaveLength(1);
		expect(result.outputs('Probe')[0][0].json).toEqual({ statusCode: 401, body: {} });
	});

	it('applies defaults and drops fields hidden by display conditions, as the CLI does', async () => {
		const pkg = await loadPackage(packageDir);
		const store = new CredentialStore('probeApi', { baseUrl: 'x', password: 'p' });
		const helper = new TestCredentialsHelper(pkg, store);
		const data = await helper.getDecrypted(
			{} as IWorkflowExecuteAdditionalData,
			{ id: store.id, name: store.name },
			'probeApi',
			'manual',
		);

		expect(data).toEqual({ baseUrl: 'x', password: 'p', sessionToken: '', region: 'eu' });
	});
});

async function waitFor(condition: () => boolean): Promise<void> {
	for (let waited = 0; !condition(); waited += 5) {
		if (waited > 5000) throw new Error('Timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
