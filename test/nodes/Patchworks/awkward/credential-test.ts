import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

import { createAdditionalData } from '../../../helpers/additional-data';
import { CredentialStore } from '../../../helpers/credential-store';
import { TestCredentialsHelper } from '../../../helpers/credentials-helper';
import { loadPackage } from '../../../helpers/package-loader';
import { toWorkflowData } from '../../../helpers/workflow';

const TYPE = 'patchworksApi';

/** A node type whose one property carries the credential's test request as its routing. */
function testerNodeType(test: ICredentialTestRequest): INodeType {
	return {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['input'],
			version: 1,
			description: 'Sends a credential’s test request',
			defaults: { name: 'Credential test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: TYPE, required: true }],
			properties: [
				{
					displayName: 'Request',
					name: 'request',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	};
}

/** The outcome the CLI shows for a failed test request, judged by the credential's rules. */
function judge(error: unknown, test: ICredentialTestRequest): INodeCredentialTestResult {
	const cause = (error as { cause?: { response?: { status: number; statusText?: string } } }).cause;
	const status = cause?.response?.status;
	if (status !== undefined) {
		const rule = test.rules?.find(
			(r) => r.type === 'responseCode' && r.properties.value === status,
		);
		if (rule) return { status: 'Error', message: rule.properties.message };
		if (status < 200 || status > 299) {
			const message = cause?.response?.statusText || `Received HTTP status code: ${status}`;
			return { status: 'Error', message };
		}
	}
	const code = (cause as { code?: string } | undefined)?.code;
	return { status: 'Error', message: code ?? String((error as Error).message) };
}

/**
 * Tests a Patchworks credential as n8n's CLI does (CredentialsTester in
 * packages/cli/src/services/credentials-tester.service.ts): the type's `test.request` runs
 * through n8n-core's RoutingNode in a one-node workflow, so its expressions are resolved
 * with `$credentials`, and it is sent with httpRequestWithAuthentication, through the
 * harness's credentials helper (preAuthentication, then the generic authenticate).
 */
export async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const pkg = await loadPackage();
	const test = pkg.credentialTypes[TYPE].test;
	if (!test) throw new Error(`${TYPE} has no test request`);
	const store = new CredentialStore(TYPE, data);
	const helper = new TestCredentialsHelper(pkg, store);
	const nodeType = testerNodeType(test);
	const node: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [TYPE]: { id: store.id, name: store.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
			getKnownTypes: () => ({}),
		},
	});
	const additionalData = createAdditionalData(
		'credential-test',
		'internal',
		toWorkflowData(workflow),
		helper,
	);
	const decrypted = await helper.getDecrypted(
		additionalData,
		{ id: store.id, name: store.name },
		TYPE,
		'internal',
	);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const credentials = { id: store.id, name: store.name, type: TYPE, data: decrypted };
	let response;
	try {
		response = await new RoutingNode(context, nodeType, credentials).runNode();
	} catch (error) {
		return judge(error, test);
	}
	const body = response?.[0]?.[0]?.json ?? {};
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], body);
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
