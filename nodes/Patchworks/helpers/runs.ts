import type { IDataObject } from 'n8n-workflow';

export type RunStatus = 'started' | 'success' | 'failure' | 'stopped' | 'partial success';

// The numbers of Patchworks' own MCP client (1–5); the PHP client names 1 "running" and 3
// "failed". Named statuses are matched in any case, with _ or - between words.
export const STATUS_CODES: Record<RunStatus, number> = {
	started: 1,
	success: 2,
	failure: 3,
	stopped: 4,
	'partial success': 5,
};

const BY_NAME: Record<string, RunStatus> = {
	started: 'started',
	running: 'started',
	success: 'success',
	succeeded: 'success',
	successful: 'success',
	failure: 'failure',
	failed: 'failure',
	stopped: 'stopped',
	'partial success': 'partial success',
	'partially successful': 'partial success',
};

export function runStatus(raw: unknown): RunStatus | null {
	if (typeof raw === 'object' && raw !== null) {
		const record = raw as Record<string, unknown>;
		return runStatus(record.value ?? record.name ?? record.label);
	}
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (/^\d+$/.test(text)) {
		const found = Object.entries(STATUS_CODES).find(([, code]) => String(code) === text);
		return found ? (found[0] as RunStatus) : null;
	}
	return BY_NAME[text.toLowerCase().replace(/[\s_-]+/g, ' ')] ?? null;
}

/** A status we do not recognise counts as not final, so waiting for it is bounded by time. */
export const isFinal = (status: RunStatus | null) => status !== null && status !== 'started';

// Run ids may pass 2^53: any run of digits is kept as text, exactly.
export function parseRunId(value: unknown): string | undefined {
	if (typeof value === 'number') {
		return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
	}
	if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
	const digits = value.trim().replace(/^0+/, '');
	return digits === '' ? undefined : digits;
}

/** An id as Patchworks sent it: a number while exact, otherwise the digits as text. */
export function idValue(value: unknown): number | string | null {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) {
		return Number.isSafeInteger(Number(value)) ? Number(value) : value;
	}
	return null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

function millisBetween(start: unknown, end: unknown): number | null {
	const from = typeof start === 'string' ? Date.parse(start) : NaN;
	const to = typeof end === 'string' ? Date.parse(end) : NaN;
	return Number.isNaN(from) || Number.isNaN(to) ? null : to - from;
}

/**
 * The dashboard that shows run logs: Patchworks cloud's, or for a custom environment the host
 * of a Login URL under /fabric/ (self-hosted dashboards proxy /fabric to the login service).
 */
export function dashboardUrl(credentials: IDataObject): string | null {
	if (credentials.environment !== 'custom') return 'https://app.wearepatchworks.com';
	try {
		const login = new URL(String(credentials.loginUrl ?? '').trim());
		return login.pathname.startsWith('/fabric/') ? login.origin : null;
	} catch {
		return null;
	}
}

/** One run as the node outputs it, from a flat run record. */
export function runOutput(run: Record<string, unknown>, dashboard: string | null): IDataObject {
	const flowRunId = parseRunId(run.id) ?? String(run.id ?? '');
	const status = runStatus(run.status);
	return {
		flowRunId,
		status,
		rawStatus: (run.status ?? null) as IDataObject[string],
		finished: isFinal(status),
		flowId: idValue(run.flow_id),
		flowVersionId: idValue(run.flow_version_id),
		trigger: text(run.trigger),
		startedAt: text(run.started_at),
		finishedAt: text(run.finished_at),
		durationMs: millisBetween(run.started_at, run.finished_at),
		duration: (run.duration ?? null) as IDataObject[string],
		hasWarnings: typeof run.has_warnings === 'boolean' ? run.has_warnings : null,
		summary: text(run.summary),
		url: dashboard === null || flowRunId === '' ? null : `${dashboard}/flow-run-logs/${flowRunId}`,
	};
}

/** One log entry; the field names of the Core API first, then those the MCP client also reads. */
export function logOutput(flowRunId: string, entry: Record<string, unknown>): IDataObject {
	return {
		flowRunId,
		logId: idValue(entry.id),
		level: text(entry.log_level ?? entry.level),
		message: text(entry.log_message ?? entry.message),
		stepId: idValue(entry.flow_step_id ?? entry.step_id),
		time: text(entry.created_at ?? entry.timestamp),
		payloadMetadataId: idValue(entry.payload_metadata_id),
	};
}
