import type { Standin } from './types';

export const API_KEY = 'test-key-123';

export interface CallInit {
	auth?: string;
	json?: unknown;
	body?: string | Buffer;
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

// One request with Node's own fetch; `json` is sent with a JSON content type, as the node does.
export async function call(
	standin: Standin,
	method: string,
	path: string,
	init: CallInit = {},
): Promise<CallResult> {
	const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
	if (init.auth !== undefined) headers.authorization = init.auth;
	let body = init.body;
	if (init.json !== undefined) {
		body = JSON.stringify(init.json);
		headers['content-type'] ??= 'application/json';
	}
	const response = await fetch(standin.url + path, { method, headers, body });
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: parse(text) };
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

export function startFlow(standin: Standin, path: string, payload: unknown, auth = API_KEY) {
	return call(standin, 'POST', path, { auth, json: { payload } });
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
