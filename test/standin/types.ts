export type VersionStatus = 'deployed' | 'draft' | 'inactive';

export interface FlowVersion {
	id: number;
	number: number;
	status: VersionStatus;
}

export interface Flow {
	id: number;
	name: string;
	versions: FlowVersion[];
	// A version number, not a version id: the canvas shows the two separately.
	deployed: number | null;
}

export type RunIdField = 'flow_run_id' | 'id' | 'run_id' | 'data.flow_run_id' | 'data.id' | 'none';

// 1 started, 2 success, 3 failure, 4 stopped, 5 partial success.
export type RunStatus = 1 | 2 | 3 | 4 | 5;

export type ListStyle = 'flat' | 'attributes';

// Run statuses as the MCP client's numbers, or as the names its enum gives them.
export type StatusStyle = 'numeric' | 'named';

export interface RecordedRequest {
	method: string;
	url: string;
	path: string;
	query: URLSearchParams;
	headers: Record<string, string>;
	body: Buffer;
	text: string;
	receivedAt: number;
	// Set when the body went past maxBodyBytes; `body` then holds only the first maxBodyBytes.
	bodyTruncated: boolean;
	// The status sent back, or null while pending and when the socket was destroyed.
	replyStatus: number | null;
}

export interface StartedRun {
	id: string;
	flowId: number;
	version: number | null;
	flowVersionId: number;
	payload: string;
	trigger: 'manual' | 'start';
	raw: boolean;
	startedAt: number;
	durationMs: number;
	finalStatus: RunStatus;
}

export interface ScriptRule {
	method?: string;
	path?: string | RegExp;
	status: number;
	body?: unknown;
	rawBody?: string | Buffer;
	headers?: Record<string, string>;
	delayMs?: number;
	destroySocket?: boolean;
	times?: number;
}

export interface StandinOptions {
	port?: number;
	apiKeys?: string[];
	users?: Array<{ email: string; password: string }>;
	flows?: Flow[];
	runIdField?: RunIdField;
	nextRunId?: bigint | string;
	runDurationMs?: number;
	runOutcome?: RunStatus | Record<number, RunStatus>;
	rateLimit?: { perMinute: number; retryAfterSeconds?: number };
	maxBodyBytes?: number;
	tls?: { key: string | Buffer; cert: string | Buffer };
	tokenTtlSeconds?: number;
	listStyle?: ListStyle;
	statusStyle?: StatusStyle;
	onReply?: (request: RecordedRequest) => void;
}

export interface Standin {
	readonly url: string;
	readonly requests: RecordedRequest[];
	readonly runs: StartedRun[];
	readonly flows: Flow[];
	script(rule: ScriptRule): void;
	reset(): void;
	expireTokens(): void;
	close(): Promise<void>;
}

export interface Reply {
	status: number;
	body?: unknown;
	rawBody?: string | Buffer;
	headers?: Record<string, string>;
}
