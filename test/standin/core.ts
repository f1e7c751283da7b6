import { paginate } from './pagination';
import { message, ok, validationError } from './reply';
import { runAttributes, runLogs, STATUS_NAMES, statusAt } from './runs';
import type { State } from './state';
import type { Flow, RecordedRequest, Reply, RunStatus, StartedRun } from './types';

type Attributes = Record<string, unknown>;

// Flat objects as in the OpenAPI schema, or JSON:API resources as the official MCP client
// reads them; the sources disagree, so both can be served.
function present(state: State, type: string, id: unknown, attributes: Attributes): Attributes {
	if (state.listStyle === 'flat') return { id, ...attributes };
	return { id: String(id), type, attributes };
}

function flowAttributes(flow: Flow): Attributes {
	const deployed = flow.versions.find((version) => version.number === flow.deployed) ?? null;
	return {
		name: flow.name,
		is_enabled: true,
		deployed_version: deployed && { ...deployed },
		versions: flow.versions.map((version) => ({ ...version })),
	};
}

function findRun(state: State, id: string): StartedRun | undefined {
	return state.runs.find((run) => run.id === id);
}

export function listFlows(state: State, request: RecordedRequest): Reply {
	const items = state.flows.map((flow) => present(state, 'flows', flow.id, flowAttributes(flow)));
	return ok(paginate(items, request.query, state.baseUrl + request.path));
}

export function getFlow(state: State, _request: RecordedRequest, route: RegExpExecArray): Reply {
	const flow = state.flows.find((candidate) => String(candidate.id) === route[1]);
	if (!flow) return message(404, 'Flow not found.');
	return ok({ data: present(state, 'flows', flow.id, flowAttributes(flow)) });
}

export function listFlowVersions(
	state: State,
	request: RecordedRequest,
	route: RegExpExecArray,
): Reply {
	const flow = state.flows.find((candidate) => String(candidate.id) === route[1]);
	if (!flow) return message(404, 'Flow not found.');
	const items = flow.versions.map(({ id, ...version }) =>
		present(state, 'flow-versions', id, { flow_id: flow.id, ...version }),
	);
	return ok(paginate(items, request.query, state.baseUrl + request.path));
}

function listFilter(query: URLSearchParams, key: string): string[] | undefined {
	const value = query.get(`filter[${key}]`);
	return value === null ? undefined : value.split(',');
}

// Statuses may be asked for by number or by name, in any case.
function statusMatches(wanted: string[], status: RunStatus): boolean {
	const names = [String(status), STATUS_NAMES[status].toLowerCase()];
	return wanted.some((entry) => names.includes(entry.trim().toLowerCase()));
}

// Unix milliseconds, as the List Flow Runs reference describes its date filters.
function timeFilter(query: URLSearchParams, key: string): number | undefined | Reply {
	const value = query.get(`filter[${key}]`);
	if (value === null) return undefined;
	if (/^\d+$/.test(value)) return Number(value);
	return validationError({
		[key]: [`The ${key} filter must be a Unix timestamp in milliseconds.`],
	});
}

export function listRuns(state: State, request: RecordedRequest): Reply {
	const now = Date.now();
	const flowIds = listFilter(request.query, 'flow_id');
	const statuses = listFilter(request.query, 'status');
	const versionIds = listFilter(request.query, 'flow_version_id');
	const after = timeFilter(request.query, 'started_after');
	const before = timeFilter(request.query, 'started_before');
	if (typeof after === 'object') return after;
	if (typeof before === 'object') return before;
	const chosen = state.runs.filter(
		(run) =>
			(!flowIds || flowIds.includes(String(run.flowId))) &&
			(!statuses || statusMatches(statuses, statusAt(run, now))) &&
			(!versionIds || versionIds.includes(String(run.flowVersionId))) &&
			(after === undefined || run.startedAt > after) &&
			(before === undefined || run.startedAt < before),
	);
	// Runs are kept in start order, so reversing gives newest first even within one millisecond.
	const sort = request.query.get('sort');
	if (sort === '-started_at' || sort === '-id') chosen.reverse();
	const items = chosen.map((run) =>
		present(state, 'flow-runs', BigInt(run.id), runAttributes(run, now, state.statusStyle)),
	);
	return ok(paginate(items, request.query, state.baseUrl + request.path));
}

export function getRun(state: State, _request: RecordedRequest, route: RegExpExecArray): Reply {
	const run = findRun(state, route[1]);
	if (!run) return message(404, 'Flow run not found.');
	const attributes = runAttributes(run, Date.now(), state.statusStyle);
	return ok({ data: present(state, 'flow-runs', BigInt(run.id), attributes) });
}

export function listRunLogs(state: State, request: RecordedRequest, route: RegExpExecArray): Reply {
	const run = findRun(state, route[1]);
	if (!run) return message(404, 'Flow run not found.');
	const items = runLogs(run, Date.now()).map(({ id, ...attributes }) =>
		present(state, 'flow-run-logs', id, attributes),
	);
	return ok(paginate(items, request.query, state.baseUrl + request.path));
}
