// Everything needed to run this package inside a real, throwaway n8n; see scripts/demo.ts.
export { cacheRoot } from './cache';
export { N8nRestError, searchList, type ListSearchItem, type ListSearchResult } from './editor';
export { ensureN8n, installDir, type N8nInstall } from './install';
export { DEFAULT_LINE, lineById, N8N_LINES, type N8nLine } from './lines';
export {
	createInstance,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	installCommunityPackage,
	n8nCommand,
	type CredentialToImport,
	type Execution,
	type N8nInstance,
} from './instance';
export { extractRun, nodeOutput, type N8nRun, type NodeRun, type OutputItem } from './output';
export { packRepository, REPO_ROOT } from './pack';
export {
	EXAMPLE_WORKFLOW,
	exampleVariant,
	START_WAIT_LOGS_WORKFLOW,
	patchworksNode,
	readExampleWorkflow,
	standinCredential,
	type Workflow,
	type WorkflowNode,
} from './fixtures';
export {
	progress,
	runningChildren,
	spawnTracked,
	stopAllChildren,
	stopChild,
	useOwnProcessGroups,
} from './proc';
export { makeTempDir, removeTempDir, removeTempDirs } from './temp';
export { startServer, testCredential, type CredentialTestResult, type N8nServer } from './server';
