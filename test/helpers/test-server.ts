import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path and query string, e.g. `/flows/7/start?x=1`. */
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** Answers one request; `undefined` leaves it hanging (to test timeouts and cancelling). */
export type Handler = (request: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>;

export interface TestServer {
	/** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
	url: string;
	/** Every request received, in order of arrival. */
	requests: RecordedRequest[];
	close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a free port, recording what the node sends. */
export async function startTestServer(handler: Handler): Promise<TestServer> {
	const requests: RecordedRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const recorded: RecordedRequest = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(recorded);
			void Promise.resolve(handler(recorded)).then((reply) => {
				if (!reply) return;
				const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
				res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
				res.end(text);
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		async close() {
			// Kept-alive and hanging sockets would hold close() and jest open.
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			);
		},
	};
}
