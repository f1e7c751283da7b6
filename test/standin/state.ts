import { Auth } from './auth';
import { RateLimiter } from './limits';
import { ScriptQueue } from './scripts';
import { DEFAULT_API_KEYS, DEFAULT_FLOWS, DEFAULT_MAX_BODY_BYTES, DEFAULT_USERS } from './seed';
import type {
	Flow,
	ListStyle,
	RecordedRequest,
	RunIdField,
	RunStatus,
	StandinOptions,
	StartedRun,
	StatusStyle,
} from './types';

export interface State {
	baseUrl: string;
	flows: Flow[];
	runs: StartedRun[];
	requests: RecordedRequest[];
	auth: Auth;
	limiter: RateLimiter;
	scripts: ScriptQueue;
	runIdField: RunIdField;
	listStyle: ListStyle;
	statusStyle: StatusStyle;
	runDurationMs: number;
	outcomeOf: (flowId: number) => RunStatus;
	maxBodyBytes: number;
	nextRunId: bigint;
	onReply?: (request: RecordedRequest) => void;
}

function firstRunId(value: bigint | string | undefined): bigint {
	if (value === undefined) return 1000n;
	if (typeof value === 'string' && !/^\d+$/.test(value)) {
		throw new TypeError(`nextRunId must be digits, got "${value}"`);
	}
	return BigInt(value);
}

export function createState(options: StandinOptions): State {
	const outcome = options.runOutcome ?? 2;
	const ttl = options.tokenTtlSeconds ?? 86400;
	return {
		baseUrl: '',
		flows: structuredClone(options.flows ?? DEFAULT_FLOWS) as Flow[],
		runs: [],
		requests: [],
		auth: new Auth(options.apiKeys ?? DEFAULT_API_KEYS, options.users ?? DEFAULT_USERS, ttl),
		limiter: new RateLimiter(options.rateLimit),
		scripts: new ScriptQueue(),
		runIdField: options.runIdField ?? 'flow_run_id',
		listStyle: options.listStyle ?? 'flat',
		statusStyle: options.statusStyle ?? 'numeric',
		runDurationMs: options.runDurationMs ?? 0,
		outcomeOf: (flowId) => (typeof outcome === 'number' ? outcome : (outcome[flowId] ?? 2)),
		maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
		nextRunId: firstRunId(options.nextRunId),
		onReply: options.onReply,
	};
}
