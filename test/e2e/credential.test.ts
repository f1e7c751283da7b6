import { join } from 'node:path';
import type { ICredentialType } from 'n8n-workflow';
import {
	readExampleWorkflow,
	startServer,
	testCredential,
	type N8nServer,
} from '../../scripts/n8n';
import { API_KEY, prepareLine, type LineContext } from './harness';
import { linesUnderTest } from './lines';

// The 401 rule message of the credential that n8n actually loaded.
async function ruleMessageFor401(context: LineContext): Promise<string> {
	const installed = join(context.instance.userFolder, '.n8n', 'nodes', 'node_modules');
	const file = join(installed, 'n8n-nodes-patchworks', 'dist', 'credentials');
	const module = (await import(join(file, 'PatchworksApi.credentials.js'))) as {
		PatchworksApi: new () => ICredentialType;
	};
	const rules = new module.PatchworksApi().test?.rules ?? [];
	const rule = rules.find((r) => r.type === 'responseCode' && r.properties.value === 401);
	if (!rule || rule.type !== 'responseCode') throw new Error('The credential has no 401 rule');
	return rule.properties.message;
}

describe.each(linesUnderTest())('the credential test in n8n $version', (line) => {
	let context: LineContext;
	let server: N8nServer;

	beforeAll(async () => {
		context = await prepareLine(line, [readExampleWorkflow()]);
		server = await startServer(context.instance);
	});

	afterAll(async () => {
		await server?.stop();
		await context?.dispose();
	});

	beforeEach(() => context.standin.reset());

	it('accepts the stand-in key after one GET of the flow list', async () => {
		const result = await testCredential(server, context.credential);

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const seen = context.standin.requests.map((r) => [r.method, r.url, r.headers.authorization]);
		expect(seen).toEqual([['GET', '/api/v1/flows?per_page=1', API_KEY]]);
	});

	it('reports a rejected key', async () => {
		const wrong = { ...context.credential.data, apiKey: 'not-a-key' };
		const result = await testCredential(server, { ...context.credential, data: wrong });

		// n8n 1.x reports its own 401 text instead of the credential's rule message.
		const expected = line.id.startsWith('1.')
			? 'Authorization failed - please check your credentials'
			: await ruleMessageFor401(context);
		expect(result).toEqual({ status: 'Error', message: expected });
		// n8n's request helper retries every 401 once (it expects a token refresh).
		const seen = context.standin.requests.map((r) => [r.method, r.url, r.headers.authorization]);
		const attempt = ['GET', '/api/v1/flows?per_page=1', 'not-a-key'];
		expect(seen).toEqual([attempt, attempt]);
	});
});
