import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialStore } from '../../../helpers/credential-store';
import { runWorkflow } from '../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../setup';
import { testCredential } from './credential-test';

const items = [{ json: { sku: 'S1' } }];
const login = {
	authentication: 'emailPassword',
	email: 'ops@example.com',
	password: 'correct horse',
};
const rejected = 'Patchworks rejected these credentials (401): check the key, token or login';

describe('Awkward auth: the Authorization header arrives intact', () => {
	const standin = useStandin();
	const run = (auth: ICredentialDataDecryptedObject) =>
		runWorkflow({ items, nodes: [startNode()], credentials: credentialFor(standin(), auth) });

	it.each([
		[{ authentication: 'apiKey', apiKey: 'test-key-123' }, 'test-key-123'],
		[{ authentication: 'accessToken', accessToken: '123|AbCdEf' }, 'Bearer 123|AbCdEf'],
		[{ authentication: 'accessToken', accessToken: ' 123|AbCdEf\n' }, 'Bearer 123|AbCdEf'],
	])('sends %j as exactly %j', async (auth, header) => {
		await run(auth);

		expect(startPosts(standin()).map((request) => request.headers.authorization)).toEqual([header]);
	});

	it.each([
		[{ authentication: 'apiKey', apiKey: 'test-key-123' }],
		[{ authentication: 'accessToken', accessToken: '123|AbCdEf' }],
		[login],
	])('never sends an expression, $credentials or a leading = in a header: %j', async (auth) => {
		await run(auth);

		expect(startPosts(standin())[0].headers.authorization).toMatch(/^(test-key-123|Bearer \S+)$/);
		const values = standin().requests.flatMap((request) => Object.values(request.headers));
		expect(values.filter((value) => /\{\{|\$credentials|^=/.test(value))).toEqual([]);
	});

	it('tests the credential as n8n does: OK for a good key, the 401 rule for a bad one', async () => {
		const good = await testCredential(credentialFor(standin()));
		const bad = await testCredential(
			credentialFor(standin(), { authentication: 'apiKey', apiKey: 'bad-key' }),
		);

		expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(bad).toEqual({ status: 'Error', message: rejected });
		// The same header as a run; n8n sends a request again once after a 401.
		expect(
			standin().requests.map((r) => [r.method, r.url, r.headers.authorization, r.replyStatus]),
		).toEqual([
			['GET', '/api/v1/flows?per_page=1', 'test-key-123', 200],
			['GET', '/api/v1/flows?per_page=1', 'bad-key', 401],
			['GET', '/api/v1/flows?per_page=1', 'bad-key', 401],
		]);
	});
});

describe('Awkward auth: expired tokens', () => {
	const standin = useStandin();
	const trail = () => standin().requests.map((r) => `${r.method} ${r.path} ${r.replyStatus}`);

	const token = '123|ExpiredTokenValue';
	const runWithToken = (settings = {}) =>
		runWorkflow({
			items,
			nodes: [startNode({}, settings)],
			credentials: credentialFor(standin(), { authentication: 'accessToken', accessToken: token }),
		});

	it('asks for a new access token on 401, sending once and never showing the token', async () => {
		const result = await runWithToken();

		expect(trail()).toEqual(['POST /api/v1/flows/101/manual/1 401']);
		expect(result.error).toMatchObject({
			message: 'Patchworks rejected the credential (401)',
			description:
				'Patchworks said: Unauthenticated.\nThe access token is invalid or has expired: get a new token and update the Patchworks credential.',
		});
		const shown = JSON.stringify([
			result.error?.message,
			result.error?.description,
			result.runData,
		]);
		expect(shown).not.toContain('ExpiredTokenValue');
	});

	it('puts the item on the error output without the token', async () => {
		const result = await runWithToken({ onError: 'continueErrorOutput' });

		expect(result.outputs('Patchworks')).toEqual([
			[],
			[
				{
					json: { sku: 'S1', error: 'Patchworks rejected the credential (401)' },
					pairedItem: { item: 0 },
				},
			],
		]);
		expect(JSON.stringify(result.runData)).not.toContain('ExpiredTokenValue');
	});

	it('logs in once on a 401, resends once, and a later node uses the new token', async () => {
		const credentials = new CredentialStore(
			'patchworksApi',
			credentialFor(standin(), { ...login, sessionToken: 'stale-session-token' }),
		);
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
		const token = credentials.data.sessionToken as string;
		expect(token).not.toBe('stale-session-token');
		expect(standin().requests.map((r) => r.headers.authorization)).toEqual([
			'Bearer stale-session-token',
			undefined,
			`Bearer ${token}`,
			`Bearer ${token}`,
		]);
		expect(standin().requests[2].text).toBe(standin().requests[0].text);
		expect(credentials.preAuthentications).toEqual([{ credentialsExpired: true }]);
		expect(result.outputs('Patchworks 2')[0]).toHaveLength(1);
	});
});
