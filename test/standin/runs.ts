import type { RunStatus, StartedRun, StatusStyle } from './types';

// The names of the MCP client's status enum, for the 'named' status style.
export const STATUS_NAMES: Record<RunStatus, string> = {
	1: 'STARTED',
	2: 'SUCCESS',
	3: 'FAILURE',
	4: 'STOPPED',
	5: 'PARTIAL_SUCCESS',
};

export function statusAt(run: StartedRun, now: number): RunStatus {
	return now - run.startedAt >= run.durationMs ? run.finalStatus : 1;
}

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

export function runAttributes(
	run: StartedRun,
	now: number,
	style: StatusStyle = 'numeric',
): Record<string, unknown> {
	const status = statusAt(run, now);
	const finished = status !== 1;
	return {
		flow_id: run.flowId,
		flow_version_id: run.flowVersionId,
		status: style === 'named' ? STATUS_NAMES[status] : status,
		summary: null,
		trigger: run.trigger === 'manual' ? 'Manual' : 'API',
		started_at: iso(run.startedAt),
		finished_at: finished ? iso(run.startedAt + run.durationMs) : null,
		// Milliseconds; the unit of the real field is not documented.
		duration: finished ? run.durationMs : null,
		has_warnings: status === 5,
		retry_flow_run_id: null,
	};
}

const ENDINGS: Record<Exclude<RunStatus, 1>, [string, string]> = {
	2: ['info', 'Flow run finished successfully.'],
	3: ['error', 'Flow run failed: the step raised an error.'],
	4: ['warning', 'Flow run was stopped.'],
	5: ['warning', 'Flow run finished with partial success.'],
};

// Two entries while the run is going, two more once it has finished.
export function runLogs(run: StartedRun, now: number): Array<Record<string, unknown>> {
	const status = statusAt(run, now);
	const bytes = Buffer.byteLength(run.payload);
	const lines: Array<[string, string, number | null, number]> = [
		['info', 'Flow run started.', null, run.startedAt],
		['info', `Payload received (${bytes} bytes).`, 1, run.startedAt],
	];
	if (status !== 1) {
		const end = run.startedAt + run.durationMs;
		lines.push(['info', 'Map shape completed.', 2, end], [...ENDINGS[status], null, end]);
	}
	return lines.map(([level, text, step, at], index) => ({
		id: BigInt(run.id) * 10n + BigInt(index + 1),
		log_level: level,
		log_message: text,
		flow_step_id: step,
		created_at: iso(at),
	}));
}
