import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import https from 'https';
import { tmpdir } from 'os';
import { join } from 'path';

import { startStandin } from './index';
import { API_KEY, call, startFlow } from './testing';
import type { Standin } from './types';

const EIGHT_MB = 8 * 1024 * 1024;

// A start body of exactly `size` bytes.
function bodyOfSize(size: number): string {
	const frame = '{"payload":""}';
	return `{"payload":"${'x'.repeat(size - frame.length)}"}`;
}

describe('stand-in server', () => {
	let standin: Standin;

	beforeAll(async () => {
		standin = await startStandin();
	});

	beforeEach(() => standin.reset());

	afterAll(() => standin.close());

	it('listens on 127.0.0.1 on a free port', () => {
		expect(standin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('records the request exactly as received before replying', async () => {
		const body = '{"payload":"Grüße, \\"quoted\\""}';
		await call(standin, 'POST', '/api/v1/flows/101/start?virtual_environment_id=7&a=%20b', {
			auth: API_KEY,
			body,
			headers: { 'content-type': 'application/json', 'X-Trace': 'Abc' },
		});
		const [recorded] = standin.requests;
		expect(recorded.method).toBe('POST');
		expect(recorded.url).toBe('/api/v1/flows/101/start?virtual_environment_id=7&a=%20b');
		expect(recorded.path).toBe('/api/v1/flows/101/start');
		expect(recorded.query.get('a')).toBe(' b');
		expect(recorded.headers['x-trace']).toBe('Abc');
		expect(recorded.headers.authorization).toBe(API_KEY);
		expect(recorded.body.equals(Buffer.from(body))).toBe(true);
		expect(recorded.text).toBe(body);
		expect(typeof recorded.receivedAt).toBe('number');
		expect(recorded.replyStatus).toBe(200);
		expect(standin.runs[0].payload).toBe('Grüße, "quoted"');
	});

	it('answers an unknown route or method with 404 JSON', async () => {
		const unknown = await call(standin, 'GET', '/api/v2/nothing', { auth: API_KEY });
		const wrongMethod = await call(standin, 'GET', '/api/v1/flows/101/start', { auth: API_KEY });
		for (const reply of [unknown, wrongMethod]) {
			expect(reply.status).toBe(404);
			expect(reply.headers.get('content-type')).toBe('application/json');
			expect(reply.text).toBe('{"message":"Not found."}');
		}
		expect(standin.requests).toHaveLength(2);
	});

	it('accepts a body of exactly 8 MB and refuses one byte more with 413', async () => {
		const headers = { 'content-type': 'application/json' };
		const path = '/api/v1/flows/101/start';
		const atLimit = await call(standin, 'POST', path, {
			auth: API_KEY,
			headers,
			body: bodyOfSize(EIGHT_MB),
		});
		expect(atLimit.status).toBe(200);
		const over = await call(standin, 'POST', path, {
			auth: API_KEY,
			headers,
			body: bodyOfSize(EIGHT_MB + 1),
		});
		expect(over.status).toBe(413);
		expect(over.text).toBe('{"message":"Payload too large"}');
		expect(standin.requests[1].bodyTruncated).toBe(true);
		expect(standin.requests[1].body.length).toBe(EIGHT_MB);
		expect(standin.runs).toHaveLength(1);
	});

	it('plays scripted replies in order, then falls back to normal behaviour', async () => {
		standin.script({ method: 'POST', path: /\/start$/, status: 503, body: { message: 'Down' } });
		standin.script({
			path: '/api/v1/flows/101/start',
			status: 200,
			rawBody: 'not json',
			headers: { 'Content-Type': 'text/plain' },
			times: 2,
		});
		const replies = [];
		for (let i = 0; i < 4; i++)
			replies.push(await startFlow(standin, '/api/v1/flows/101/start', 'p'));
		expect(replies.map((reply) => reply.status)).toEqual([503, 200, 200, 200]);
		expect(replies[0].text).toBe('{"message":"Down"}');
		expect(replies[1].text).toBe('not json');
		expect(replies[1].headers.get('content-type')).toBe('text/plain');
		expect(replies[3].text).toMatch(/^{"message":"Flow initialised.","flow_run_id":\d+}$/);
		expect(standin.requests).toHaveLength(4);
		expect(standin.runs).toHaveLength(1);
	});

	it('scripts before checking credentials, and waits delayMs before replying', async () => {
		standin.script({ status: 500, body: { message: 'Server Error' }, delayMs: 120 });
		const started = performance.now();
		const reply = await call(standin, 'GET', '/api/v1/flows');
		expect(performance.now() - started).toBeGreaterThanOrEqual(110);
		expect(reply.status).toBe(500);
	});

	it('closes the connection without a reply when scripted to destroy the socket', async () => {
		standin.script({ path: '/api/v1/flows/102/start', status: 200, destroySocket: true });
		await expect(startFlow(standin, '/api/v1/flows/102/start', 'lost')).rejects.toThrow(
			'fetch failed',
		);
		expect(standin.requests).toHaveLength(1);
		expect(standin.requests[0].text).toBe('{"payload":"lost"}');
		expect(standin.requests[0].replyStatus).toBeNull();
		expect(standin.runs).toHaveLength(0);
	});

	it('reset() clears requests, runs and scripts', async () => {
		standin.script({ status: 500 });
		await startFlow(standin, '/api/v1/flows/101/start', 'p');
		standin.script({ status: 500 });
		await startFlow(standin, '/api/v1/flows/101/start', 'p');
		standin.reset();
		expect(standin.requests).toHaveLength(0);
		expect(standin.runs).toHaveLength(0);
		expect((await startFlow(standin, '/api/v1/flows/101/start', 'p')).status).toBe(200);
	});
});

describe('stand-in rate limit', () => {
	it('answers 429 with Retry-After past perMinute authenticated requests', async () => {
		const limited = await startStandin({ rateLimit: { perMinute: 2 } });
		const fixed = await startStandin({ rateLimit: { perMinute: 1, retryAfterSeconds: 7 } });
		try {
			await call(limited, 'GET', '/api/v1/flows');
			await call(limited, 'POST', '/api/v1/login', { json: { email: 'x', password: 'y' } });
			const statuses = [];
			for (let i = 0; i < 3; i++) {
				statuses.push((await call(limited, 'GET', '/api/v1/flows', { auth: API_KEY })).status);
			}
			expect(statuses).toEqual([200, 200, 429]);
			const refused = await call(limited, 'GET', '/api/v1/flows', { auth: API_KEY });
			expect(refused.text).toBe('{"message":"Too Many Attempts."}');
			expect(refused.headers.get('retry-after')).toBe('60');
			await call(fixed, 'GET', '/api/v1/flows', { auth: API_KEY });
			const second = await call(fixed, 'GET', '/api/v1/flows', { auth: API_KEY });
			expect(second.status).toBe(429);
			expect(second.headers.get('retry-after')).toBe('7');
		} finally {
			await Promise.all([limited.close(), fixed.close()]);
		}
	});
});

describe('stand-in over TLS', () => {
	it('serves https when given a key and certificate', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'standin-tls-'));
		const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
		execFileSync(
			'openssl',
			[
				...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
				...['-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
				...['-addext', 'subjectAltName=IP:127.0.0.1'],
			],
			{ stdio: 'ignore' },
		);
		const tls = { key: readFileSync(key), cert: readFileSync(cert) };
		rmSync(dir, { recursive: true });
		const secure = await startStandin({ tls });
		try {
			expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
			const status = await new Promise<number | undefined>((resolve, reject) => {
				const options = { ca: tls.cert, headers: { authorization: API_KEY } };
				https
					.get(`${secure.url}/api/v1/flows/101`, options, (res) => {
						res.resume();
						resolve(res.statusCode);
					})
					.on('error', reject);
			});
			expect(status).toBe(200);
		} finally {
			await secure.close();
		}
	});
});
