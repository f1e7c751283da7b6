import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { N8nInstance } from './instance';
import type { N8nLine } from './lines';
import { freePort } from './ports';
import { progress, spawnTracked, stopChild } from './proc';

/**
 * `n8n start` of a throwaway instance, for what only its REST API offers, such as
 * testing a credential. Signed in as an owner it creates itself.
 */
export interface N8nServer {
	url: string;
	line: N8nLine;
	request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
	stop(): Promise<void>;
}

const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Throwaway-owner-1',
};

export async function startServer(instance: N8nInstance, timeoutMs = 90_000): Promise<N8nServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	progress(`starting n8n ${instance.install.line.version} on ${url}`);
	const env = {
		...instance.env,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
	const { nodeBin, n8nScript } = instance.install;
	// Its own process group, so stopping it also stops the task runner it starts. Tracked from
	// here on, so stopAllChildren() stops it even while it is still starting.
	const child = spawnTracked(nodeBin, [n8nScript, 'start'], {
		cwd: instance.userFolder,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const stop = () => stopChild(child, 15_000);

	// The browser id ties the auth cookie to this client, as n8n's UI does.
	const headers: Record<string, string> = { 'browser-id': randomUUID() };
	const request = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${url}${path}`, {
			method,
			headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const cookie = response.headers.get('set-cookie')?.match(/n8n-auth=[^;]+/)?.[0];
		if (cookie) headers.cookie = cookie;
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// Not JSON (an HTML error page, say): the text itself is the clearest thing to show.
		}
		return { status: response.status, body: parsed };
	};

	try {
		await waitUntilReady(url, child, timeoutMs);
		const setup = await request('POST', '/rest/owner/setup', OWNER);
		if (setup.status !== 200 || !headers.cookie) {
			throw new Error(`owner setup gave HTTP ${setup.status}: ${JSON.stringify(setup.body)}`);
		}
	} catch (error) {
		await stop();
		const tail = output.trim().split('\n').slice(-20).join('\n');
		throw new Error(`n8n start failed: ${(error as Error).message}\n${tail}`);
	}
	return { url, line: instance.install.line, request, stop };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`n8n exited with ${child.exitCode ?? child.signalCode}`);
		}
		try {
			// Unauthorised, not "not found", once the REST controllers are registered.
			const response = await fetch(`${url}/rest/login`);
			if (response.status === 401 || response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready within ${timeoutMs / 1000} s`);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** What the credential dialog's "Retry"/"Test" does: POST /rest/credentials/test. */
export async function testCredential(
	server: N8nServer,
	credential: { id: string; name: string; type: string; data: Record<string, unknown> },
): Promise<CredentialTestResult> {
	const response = await server.request('POST', '/rest/credentials/test', {
		credentials: credential,
	});
	const data = (response.body as { data?: CredentialTestResult }).data;
	if (response.status !== 200 || !data) {
		throw new Error(
			`credential test gave HTTP ${response.status}: ${JSON.stringify(response.body)}`,
		);
	}
	return data;
}
