import { ExecuteContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from '../../../../helpers/additional-data';
import { CredentialStore } from '../../../../helpers/credential-store';
import { TestCredentialsHelper } from '../../../../helpers/credentials-helper';
import { loadPackage } from '../../../../helpers/package-loader';
import { buildWorkflow, toWorkflowData } from '../../../../helpers/workflow';
import { flowRunNode } from './setup';

/**
 * n8n-core's own ExecuteContext for one Flow Run node, as WorkflowExecute makes it, so helpers
 * such as waitForRun can be called directly with test-sized intervals.
 */
export async function executeContext(
	credentials: ICredentialDataDecryptedObject,
	abortSignal?: AbortSignal,
): Promise<IExecuteFunctions> {
	const pkg = await loadPackage();
	const store = new CredentialStore('patchworksApi', credentials);
	const { workflow } = buildWorkflow(pkg, [flowRunNode('get', { flowRunId: '1000' })], store);
	const node = workflow.getNode('Patchworks');
	if (node === null) throw new Error('The workflow has no Patchworks node');
	const helper = new TestCredentialsHelper(pkg, store);
	const additionalData = createAdditionalData('1', 'manual', toWorkflowData(workflow), helper);
	const input = { main: [[{ json: {} }]] };
	return new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData({}),
		0,
		input.main[0],
		input,
		{ node, data: input, source: null },
		[],
		abortSignal,
	);
}
