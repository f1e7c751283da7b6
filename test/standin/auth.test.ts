import { startStandin } from './index';
import { API_KEY, call } from './testing';
import type { Standin } from './types';

const ops = { email: 'ops@example.com', password: 'correct horse' };

describe('stand-in login and credentials', () => {
	let standin: Standin;

	beforeAll(async () => {
		standin = await startStandin();
	});

	afterAll(() => standin.close());

	async function login(path: string, body: unknown) {
		return call(standin, 'POST', path, { json: body });
	}

	it('logs in with email on /api/v1/login and returns the documented reply', async () => {
		const reply = await login('/api/v1/login', ops);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(reply.json).toEqual({
			message: 'You have successfully logged in.',
			token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
			expires_in: 86400,
		});
	});

	it.each(['/fabric/api/login', '/fabric/api/v1/login'])(
		'logs in with username on %s',
		async (path) => {
			const reply = await login(path, { username: ops.email, password: ops.password });
			expect(reply.status).toBe(200);
		},
	);

	it.each(['/api/v1/login', '/fabric/api/login', '/fabric/api/v1/login'])(
		'accepts a body carrying both email and username on %s',
		async (path) => {
			const reply = await login(path, { ...ops, username: ops.email });
			expect(reply.status).toBe(200);
		},
	);

	it('refuses a wrong password with 401', async () => {
		const reply = await login('/fabric/api/login', { username: ops.email, password: 'nope' });
		expect(reply.status).toBe(401);
		expect(reply.text).toBe('{"message":"Invalid credentials."}');
	});

	it('answers missing fields with a Laravel validation error', async () => {
		const emailOnly = await login('/api/v1/login', { username: ops.email, password: 'x' });
		expect(emailOnly.status).toBe(422);
		expect(emailOnly.json).toEqual({
			message: 'The email field is required.',
			errors: { email: ['The email field is required.'] },
		});
		const empty = await call(standin, 'POST', '/fabric/api/v1/login');
		expect(empty.json).toEqual({
			message: 'The username field is required. (and 1 more error)',
			errors: {
				username: ['The username field is required.'],
				password: ['The password field is required.'],
			},
		});
	});

	it('takes a raw API key or a Bearer login token, and nothing else', async () => {
		const { json } = await login('/api/v1/login', ops);
		const token = (json as { token: string }).token;
		const statusWith = async (auth?: string) =>
			(await call(standin, 'GET', '/api/v1/flows/101', { auth })).status;
		expect(await statusWith(API_KEY)).toBe(200);
		expect(await statusWith(`Bearer ${token}`)).toBe(200);
		expect(await statusWith(`Bearer ${API_KEY}`)).toBe(401);
		expect(await statusWith(token)).toBe(401);
		expect(await statusWith('other-key')).toBe(401);
		expect(await statusWith(undefined)).toBe(401);
		const refused = await call(standin, 'GET', '/api/v1/flows/101');
		expect(refused.text).toBe('{"message":"Unauthenticated."}');
	});

	it('expires every token issued so far on expireTokens()', async () => {
		const before = (await login('/api/v1/login', ops)).json as { token: string };
		standin.expireTokens();
		const after = (await login('/api/v1/login', ops)).json as { token: string };
		const get = (token: string) =>
			call(standin, 'GET', '/api/v1/flows', { auth: `Bearer ${token}` });
		expect((await get(before.token)).status).toBe(401);
		expect((await get(after.token)).status).toBe(200);
	});

	it('refuses tokens once tokenTtlSeconds has passed', async () => {
		const shortLived = await startStandin({ tokenTtlSeconds: 0 });
		try {
			const reply = await call(shortLived, 'POST', '/api/v1/login', { json: ops });
			const { token, expires_in } = reply.json as { token: string; expires_in: number };
			expect(expires_in).toBe(0);
			const flows = await call(shortLived, 'GET', '/api/v1/flows', { auth: `Bearer ${token}` });
			expect(flows.status).toBe(401);
		} finally {
			await shortLived.close();
		}
	});
});
