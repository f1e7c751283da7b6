import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialsHelper,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

const BASE_URL = 'http://localhost:5678/';

function unsupported(feature: string): () => never {
	return () => {
		throw new Error(`${feature} is not available in the test harness`);
	};
}

/**
 * What the engine reads from the host around one execution. The URLs must parse (2.x builds
 * resume URLs from them up front); sub-workflows, task runners and AI events are not wired.
 */
export function createAdditionalData(
	executionId: string,
	mode: WorkflowExecuteMode,
	workflowData: IWorkflowBase,
	credentialsHelper: ICredentialsHelper,
): IWorkflowExecuteAdditionalData {
	return {
		executionId,
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		variables: {},
		instanceBaseUrl: BASE_URL,
		restApiUrl: `${BASE_URL}rest`,
		formBaseUrl: `${BASE_URL}form`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		executeWorkflow: unsupported('Executing a sub-workflow'),
		getRunExecutionData: unsupported('Loading another execution'),
		getRuntimeCredential: unsupported('A runtime credential'),
		startRunnerTask: unsupported('A task runner'),
		logAiEvent: () => {},
	};
}
