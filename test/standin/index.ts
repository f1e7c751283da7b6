export { startStandin } from './server';
export { DEFAULT_API_KEYS, DEFAULT_FLOWS, DEFAULT_USERS } from './seed';
export type {
	Flow,
	FlowVersion,
	ListStyle,
	RecordedRequest,
	RunIdField,
	RunStatus,
	ScriptRule,
	Standin,
	StandinOptions,
	StartedRun,
	StatusStyle,
	VersionStatus,
} from './types';
