import http from 'http';
import https from 'https';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';

import { message, toJson } from './reply';
import { readBody, recordRequest } from './request';
import { route } from './routes';
import { createState, type State } from './state';
import type { RecordedRequest, Reply, ScriptRule, Standin, StandinOptions } from './types';

type Server = http.Server | https.Server;

function send(state: State, res: http.ServerResponse, request: RecordedRequest, reply: Reply) {
	const body = reply.rawBody ?? (reply.body === undefined ? '' : toJson(reply.body));
	const bytes = Buffer.from(body);
	const headers: Record<string, string | number> = {
		'content-type': 'application/json',
		'content-length': bytes.length,
	};
	for (const [name, value] of Object.entries(reply.headers ?? {})) {
		headers[name.toLowerCase()] = value;
	}
	res.writeHead(reply.status, headers);
	res.end(bytes);
	request.replyStatus = reply.status;
	state.onReply?.(request);
}

function answer(state: State, request: RecordedRequest): { reply: Reply; rule?: ScriptRule } {
	const rule = state.scripts.take(request);
	if (rule) return { reply: rule, rule };
	try {
		return { reply: route(state, request) };
	} catch (error) {
		return { reply: message(500, `Stand-in error: ${(error as Error).message}`) };
	}
}

async function serve(
	state: State,
	timers: Set<NodeJS.Timeout>,
	req: http.IncomingMessage,
	res: http.ServerResponse,
) {
	const receivedAt = performance.now();
	let read;
	try {
		read = await readBody(req, state.maxBodyBytes);
	} catch {
		// The client hung up mid-body: there is no one left to answer.
		return;
	}
	const request = recordRequest(req, read, receivedAt);
	state.requests.push(request);
	const { reply, rule } = answer(state, request);
	const finish = () => {
		if (!rule?.destroySocket) return send(state, res, request, reply);
		req.socket.destroy();
		state.onReply?.(request);
	};
	const delay = rule?.delayMs ?? 0;
	if (delay <= 0) return finish();
	const timer = setTimeout(() => {
		timers.delete(timer);
		finish();
	}, delay);
	timers.add(timer);
}

function listen(server: Server, port: number): Promise<AddressInfo> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve(server.address() as AddressInfo);
		});
	});
}

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
	const state = createState(options);
	const timers = new Set<NodeJS.Timeout>();
	const listener: http.RequestListener = (req, res) => void serve(state, timers, req, res);
	const server: Server = options.tls
		? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
		: http.createServer(listener);
	const { port } = await listen(server, options.port ?? 0);
	state.baseUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	let closing: Promise<void> | undefined;
	return {
		url: state.baseUrl,
		requests: state.requests,
		runs: state.runs,
		flows: state.flows,
		script: (rule) => state.scripts.add(rule),
		reset() {
			state.requests.length = 0;
			state.runs.length = 0;
			state.scripts.clear();
			state.limiter.reset();
		},
		expireTokens: () => state.auth.expireAll(),
		close() {
			closing ??= new Promise<void>((resolve, reject) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive and delayed exchanges would otherwise hold close() open.
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
