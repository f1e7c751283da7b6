import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from '../../../helpers/additional-data';
import { CredentialStore } from '../../../helpers/credential-store';
import { TestCredentialsHelper } from '../../../helpers/credentials-helper';
import { defaultVersion, TestNodeTypes } from '../../../helpers/node-types';
import { loadPackage } from '../../../helpers/package-loader';
import { only, toWorkflowData } from '../../../helpers/workflow';

/**
 * Calls a list search of the built node the way n8n's editor backend does
 * (DynamicNodeParametersService.getResourceLocatorResults): a one-node workflow named
 * Temp-Node holding the editor's current parameters and credential, and n8n-core's own
 * LoadOptionsContext over it.
 */
export async function listSearch(
	method: string,
	options: {
		parameters: INodeParameters;
		credentials: ICredentialDataDecryptedObject | CredentialStore;
		path?: string;
		filter?: string;
		paginationToken?: string;
	},
): Promise<INodeListSearchResult> {
	const pkg = await loadPackage();
	const typeName = only(pkg.nodeTypes, 'node');
	const nodeType = pkg.nodeTypes[typeName] as INodeType;
	const store =
		options.credentials instanceof CredentialStore
			? options.credentials
			: new CredentialStore('patchworksApi', options.credentials);
	const node: INode = {
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: typeName,
		typeVersion: defaultVersion(nodeType),
		position: [0, 0],
		parameters: options.parameters,
		credentials: { [store.type]: { id: store.id, name: store.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(pkg),
	});
	const helper = new TestCredentialsHelper(pkg, store);
	const additionalData = createAdditionalData('1', 'manual', toWorkflowData(workflow), helper);
	additionalData.currentNodeParameters = options.parameters;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		options.path ?? 'parameters.flowId',
	);
	const search = nodeType.methods?.listSearch?.[method];
	if (search === undefined) throw new Error(`The node has no list search "${method}"`);
	return await search.call(context, options.filter, options.paginationToken);
}
