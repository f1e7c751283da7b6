import { message, ok, validationError } from './reply';
import { parseInput } from './request';
import type { State } from './state';
import type { FlowVersion, RecordedRequest, Reply, RunIdField } from './types';

export const START_ROUTE = /^\/api\/v1\/flows\/([^/]+)\/(start|manual)(\/raw)?(?:\/([^/]+))?$/;

const PAYLOAD_REQUIRED = 'The payload field is required.';

// The standard variants want {"payload": "<non-blank string>"}; an empty body is allowed
// and starts the run with an empty payload.
function wrappedPayload(request: RecordedRequest): string | Reply {
	if (request.body.length === 0) return '';
	const payload = parseInput(request)?.payload;
	if (payload === undefined || payload === null)
		return validationError({ payload: [PAYLOAD_REQUIRED] });
	if (typeof payload !== 'string') {
		return validationError({ payload: ['The payload field must be a string.'] });
	}
	if (payload.trim() === '') return validationError({ payload: [PAYLOAD_REQUIRED] });
	return payload;
}

// The raw variants take any JSON document and pass its text on untouched.
function rawPayload(request: RecordedRequest): string | Reply {
	if (request.body.length === 0) return '';
	try {
		JSON.parse(request.text);
		return request.text;
	} catch {
		return validationError({ body: ['The request body must be valid JSON.'] });
	}
}

function startReply(field: RunIdField, id: bigint): Record<string, unknown> {
	const text = 'Flow initialised.';
	if (field === 'none') return { message: text };
	if (field === 'data.flow_run_id') return { message: text, data: { flow_run_id: id } };
	if (field === 'data.id') return { message: text, data: { id } };
	return { message: text, [field]: id };
}

export function startRun(state: State, request: RecordedRequest, route: RegExpExecArray): Reply {
	const [, flowSegment, trigger, raw, versionSegment] = route;
	const flow = state.flows.find((candidate) => String(candidate.id) === flowSegment);
	if (!flow) return message(404, 'Flow not found.');
	let version: FlowVersion | undefined;
	if (versionSegment !== undefined) {
		version = flow.versions.find((candidate) => String(candidate.id) === versionSegment);
		if (!version) return message(404, 'Flow version not found.');
	}
	const payload = raw ? rawPayload(request) : wrappedPayload(request);
	if (typeof payload !== 'string') return payload;
	const chosen = version ?? flow.versions.find((candidate) => candidate.number === flow.deployed);
	if (!chosen) return message(422, 'No deployed version');
	const id = state.nextRunId;
	state.nextRunId += 1n;
	state.runs.push({
		id: id.toString(),
		flowId: flow.id,
		version: version ? version.id : null,
		flowVersionId: chosen.id,
		payload,
		trigger: trigger === 'manual' ? 'manual' : 'start',
		raw: raw !== undefined,
		startedAt: Date.now(),
		durationMs: state.runDurationMs,
		finalStatus: state.outcomeOf(flow.id),
	});
	return ok(startReply(state.runIdField, id));
}
