import { performance } from 'perf_hooks';

import { LOGIN_PATHS } from './auth';
import { getFlow, getRun, listFlows, listFlowVersions, listRunLogs, listRuns } from './core';
import { message } from './reply';
import { parseInput } from './request';
import { START_ROUTE, startRun } from './start';
import type { State } from './state';
import type { RecordedRequest, Reply } from './types';

type Handler = (state: State, request: RecordedRequest, route: RegExpExecArray) => Reply;

const ROUTES: Array<{ method: string; pattern: RegExp; handle: Handler }> = [
	{ method: 'POST', pattern: START_ROUTE, handle: startRun },
	{ method: 'GET', pattern: /^\/api\/v1\/flows$/, handle: listFlows },
	{ method: 'GET', pattern: /^\/api\/v1\/flows\/([^/]+)$/, handle: getFlow },
	{ method: 'GET', pattern: /^\/api\/v1\/flows\/([^/]+)\/versions$/, handle: listFlowVersions },
	{ method: 'GET', pattern: /^\/api\/v1\/flow-runs$/, handle: listRuns },
	{ method: 'GET', pattern: /^\/api\/v1\/flow-runs\/(\d+)$/, handle: getRun },
	{ method: 'GET', pattern: /^\/api\/v1\/flow-runs\/(\d+)\/flow-run-logs$/, handle: listRunLogs },
];

function findRoute(request: RecordedRequest) {
	for (const candidate of ROUTES) {
		const match = candidate.method === request.method && candidate.pattern.exec(request.path);
		if (match) return { handle: candidate.handle, match };
	}
	return undefined;
}

// The order of refusals: size (the proxy in front), login, routing, credentials, rate.
export function route(state: State, request: RecordedRequest): Reply {
	if (request.bodyTruncated) return message(413, 'Payload too large');
	const loginField = LOGIN_PATHS.get(request.path);
	if (loginField && request.method === 'POST') {
		return state.auth.login(loginField, parseInput(request));
	}
	const found = findRoute(request);
	if (!found) return message(404, 'Not found.');
	if (!state.auth.allows(request.headers.authorization)) return message(401, 'Unauthenticated.');
	const rate = state.limiter.hit(performance.now());
	if (rate.limited) {
		return { status: 429, body: { message: 'Too Many Attempts.' }, headers: rate.headers };
	}
	const reply = found.handle(state, request, found.match);
	return { ...reply, headers: { ...rate.headers, ...reply.headers } };
}
