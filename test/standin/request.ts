import type { IncomingMessage } from 'http';

import type { RecordedRequest } from './types';

interface BodyRead {
	body: Buffer;
	truncated: boolean;
}

// Reads to the end so the client can finish sending, but keeps at most `limit` bytes.
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let ended = false;
		req.on('data', (chunk: Buffer) => {
			const room = limit - size;
			size += chunk.length;
			if (room > 0) chunks.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
		});
		req.on('end', () => {
			ended = true;
			resolve({ body: Buffer.concat(chunks), truncated: size > limit });
		});
		req.on('error', reject);
		req.on('close', () => {
			if (!ended) reject(new Error('client went away before the body ended'));
		});
	});
}

// Node joins some repeated headers and not others; rawHeaders keeps what was sent.
function collectHeaders(raw: string[]): Record<string, string> {
	const headers: Record<string, string> = {};
	for (let i = 0; i + 1 < raw.length; i += 2) {
		const name = raw[i].toLowerCase();
		headers[name] = name in headers ? `${headers[name]}, ${raw[i + 1]}` : raw[i + 1];
	}
	return headers;
}

export function recordRequest(
	req: IncomingMessage,
	read: BodyRead,
	receivedAt: number,
): RecordedRequest {
	const url = req.url ?? '/';
	const mark = url.indexOf('?');
	return {
		method: req.method ?? 'GET',
		url,
		path: mark === -1 ? url : url.slice(0, mark),
		query: new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1)),
		headers: collectHeaders(req.rawHeaders),
		body: read.body,
		text: read.body.toString('utf8'),
		receivedAt,
		bodyTruncated: read.truncated,
		replyStatus: null,
	};
}

// Like Laravel's input(): JSON only under a JSON content type, form fields when form-encoded.
export function parseInput(request: RecordedRequest): Record<string, unknown> | undefined {
	const type = request.headers['content-type'] ?? '';
	if (/[/+]json\b/i.test(type)) {
		try {
			const value: unknown = JSON.parse(request.text);
			return isRecord(value) ? value : undefined;
		} catch {
			return undefined;
		}
	}
	if (/application\/x-www-form-urlencoded/i.test(type)) {
		return Object.fromEntries(new URLSearchParams(request.text));
	}
	return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
