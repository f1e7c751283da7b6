import type { INodeParameters } from 'n8n-workflow';

import type { WorkflowNodeSpec } from '../../../../helpers/engine';
import type { Standin, StartedRun } from '../../../../standin';

export function flowRunNode(
	operation: string,
	parameters: INodeParameters = {},
	settings: Partial<WorkflowNodeSpec> = {},
): WorkflowNodeSpec {
	return {
		name: 'Patchworks',
		...settings,
		parameters: { resource: 'flowRun', operation, ...parameters },
	};
}

/** A run the stand-in knows, as if started `agoMs` ago; ids count up from 1000. */
export function seedRun(standin: Standin, fields: Partial<StartedRun> = {}, agoMs = 0): StartedRun {
	const run: StartedRun = {
		id: String(1000 + standin.runs.length),
		flowId: 101,
		version: null,
		flowVersionId: 1,
		payload: '[]',
		trigger: 'start',
		raw: false,
		startedAt: Date.now() - agoMs,
		durationMs: 0,
		finalStatus: 2,
		...fields,
	};
	standin.runs.push(run);
	return run;
}

/** Method and URL of every request, the query decoded so brackets read as sent. */
export const trail = (standin: Standin) =>
	standin.requests.map((r) => `${r.method} ${decodeURIComponent(r.url)} ${r.replyStatus}`);

export const iso = (ms: number) => new Date(ms).toISOString();
