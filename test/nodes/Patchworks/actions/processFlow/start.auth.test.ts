import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialStore } from '../../../../helpers/credential-store';
import { runWorkflow } from '../../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../../setup';

const items = [{ json: { sku: 'S1' } }];
const login = {
	authentication: 'emailPassword',
	email: 'ops@example.com',
	password: 'correct horse',
};

describe('Start: authentication', () => {
	const standin = useStandin();
	const store = (auth: ICredentialDataDecryptedObject) =>
		new CredentialStore('patchworksApi', credentialFor(standin(), auth));
	const trail = () => standin().requests.map((r) => `${r.method} ${r.path} ${r.replyStatus}`);

	it.each([
		[{ authentication: 'apiKey', apiKey: 'test-key-123' }, 'test-key-123'],
		[{ authentication: 'apiKey', apiKey: '  test-key-123\n' }, 'test-key-123'],
	])('sends an API key raw, trimmed: %j', async (auth, header) => {
		const result = await runWorkflow({ items, nodes: [startNode()], credentials: store(auth) });

		expect(result.error).toBeUndefined();
		expect(startPosts(standin()).map((r) => r.headers.authorization)).toEqual([header]);
	});

	it.each([['123|AbCdEf'], [' 123|AbCdEf\n']])(
		'sends access token %j as Bearer 123|AbCdEf',
		async (token) => {
			const auth = { authentication: 'accessToken', accessToken: token };
			await runWorkflow({ items, nodes: [startNode()], credentials: store(auth) });

			// The stand-in refuses unknown tokens; the header is what matters here.
			expect(startPosts(standin()).map((r) => r.headers.authorization)).toEqual([
				'Bearer 123|AbCdEf',
			]);
		},
	);

	it('never sends an unresolved expression as a header', async () => {
		await runWorkflow({ items, nodes: [startNode()], credentials: store(login) });

		for (const request of standin().requests) {
			for (const value of Object.values(request.headers)) {
				expect(value).not.toMatch(/\{\{|\$credentials|^=/);
			}
		}
	});

	it('fails once on a rejected access token, asking for a new one and never showing it', async () => {
		const token = '999|NotAValidToken';
		const result = await runWorkflow({
			items,
			nodes: [startNode()],
			credentials: store({ authentication: 'accessToken', accessToken: token }),
		});

		expect(trail()).toEqual(['POST /api/v1/flows/101/manual/1 401']);
		expect(result.error).toMatchObject({
			message: 'Patchworks rejected the credential (401)',
			description:
				'Patchworks said: Unauthenticated.\nThe access token is invalid or has expired: get a new token and update the Patchworks credential.',
		});
		expect(JSON.stringify(result.runData)).not.toContain('NotAValidToken');
	});

	it('fails once on a rejected API key, without resending', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode()],
			credentials: store({ authentication: 'apiKey', apiKey: 'revoked-key' }),
		});

		expect(trail()).toEqual(['POST /api/v1/flows/101/manual/1 401']);
		expect(result.error?.message).toBe('Patchworks rejected the credential (401)');
		expect(JSON.stringify(result.runData)).not.toContain('revoked-key');
	});

	it('logs in with email and password once, then sends the token as Bearer', async () => {
		const credentials = store(login);
		const result = await runWorkflow({ items, nodes: [startNode()], credentials });

		expect(result.error).toBeUndefined();
		expect(trail()).toEqual(['POST /fabric/api/login 200', 'POST /api/v1/flows/101/manual/1 200']);
		const [loginRequest, start] = standin().requests;
		expect(JSON.parse(loginRequest.text)).toEqual({
			email: 'ops@example.com',
			username: 'ops@example.com',
			password: 'correct horse',
		});
		const token = credentials.data.sessionToken as string;
		expect(token).toMatch(/^\S{20,}$/);
		expect(start.headers.authorization).toBe(`Bearer ${token}`);
		expect(JSON.stringify(result.runData)).not.toContain(token);
	});

	it('logs in again once on 401, resends once, and a later node reuses the new token', async () => {
		const credentials = store(login);
		await runWorkflow({ items, nodes: [startNode()], credentials });
		const firstToken = credentials.data.sessionToken;
		standin().reset();
		standin().expireTokens();

		const result = await runWorkflow({
			items,
			nodes: [startNode(), { ...startNode({ flowId: '102' }), name: 'Patchworks 2' }],
			credentials,
		});

		expect(result.error).toBeUndefined();
		expect(trail()).toEqual([
			'POST /api/v1/flows/101/manual/1 401',
			'POST /fabric/api/login 200',
			'POST /api/v1/flows/101/manual/1 200',
			'POST /api/v1/flows/102/manual/1 200',
		]);
		const newToken = credentials.data.sessionToken;
		expect(newToken).not.toBe(firstToken);
		expect(standin().requests[3].headers.authorization).toBe(`Bearer ${newToken}`);
		expect(result.outputs('Patchworks 2')[0]).toHaveLength(1);
	});

	it('reports a refused login once, naming the email but not the password', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode()],
			credentials: store({ ...login, password: 'wrong horse' }),
		});

		expect(trail()).toEqual(['POST /fabric/api/login 401']);
		expect(result.error).toMatchObject({
			message:
				'Login to Patchworks failed: it refused ops@example.com (401). Check the email and password in the credential.',
			description: 'Nothing was sent to the flow.',
		});
		expect(JSON.stringify(result.runData)).not.toContain('wrong horse');
	});

	it('logs in at the /api/v1/login style endpoint too', async () => {
		const credentials = store(login);
		credentials.write({ ...credentials.data, loginUrl: `${standin().url}/api/v1/login` });
		const result = await runWorkflow({ items, nodes: [startNode()], credentials });

		expect(result.error).toBeUndefined();
		expect(trail()).toEqual(['POST /api/v1/login 200', 'POST /api/v1/flows/101/manual/1 200']);
	});
});
