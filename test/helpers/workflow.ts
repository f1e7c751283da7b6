import {
	type IBinaryKeyData,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowSettings,
	Workflow,
} from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import { FIXTURE_NODE_NAME, FIXTURE_NODE_TYPE } from './fixture-node';
import { defaultVersion, TestNodeTypes } from './node-types';
import type { LoadedPackage } from './package-loader';

export interface FixtureItem {
	json: IDataObject;
	/** Inline (base64 `data`) binary; the fixture node stores it through the binary data service. */
	binary?: IBinaryKeyData;
}

export interface WorkflowNodeSpec
	extends Partial<
		Pick<
			INode,
			| 'onError'
			| 'retryOnFail'
			| 'maxTries'
			| 'waitBetweenTries'
			| 'alwaysOutputData'
			| 'executeOnce'
			| 'disabled'
		>
	> {
	name: string;
	parameters: INodeParameters;
	/** Defaults to the package's only node type, e.g. `n8n-nodes-patchworks.patchworks`. */
	type?: string;
	/** Defaults to the version n8n gives a new node. */
	typeVersion?: number;
}

/** Orders → nodes[0] → nodes[1] → …, each on the main output 0 of the one before. */
export function buildWorkflow(
	pkg: LoadedPackage,
	specs: WorkflowNodeSpec[],
	store: CredentialStore | undefined,
	settings: IWorkflowSettings = {},
	extraNodeTypes: Record<string, INodeType | IVersionedNodeType> = {},
) {
	const fixture: INode = {
		id: 'fixture',
		name: FIXTURE_NODE_NAME,
		type: FIXTURE_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = specs.map((spec, index): INode => {
		const { name, parameters, type: requested, typeVersion, ...nodeSettings } = spec;
		const type = requested ?? only(pkg.nodeTypes, 'node');
		return {
			id: `node-${index}`,
			name,
			type,
			typeVersion: typeVersion ?? defaultVersion(pkg.nodeTypes[type] ?? extraNodeTypes[type]),
			position: [(index + 1) * 200, 0],
			parameters,
			...(store && { credentials: { [store.type]: { id: store.id, name: store.name } } }),
			...nodeSettings,
		};
	});
	const chain = [fixture, ...nodes];
	const connections: IConnections = {};
	for (let i = 1; i < chain.length; i++) {
		connections[chain[i - 1].name] = { main: [[{ node: chain[i].name, type: 'main', index: 0 }]] };
	}
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: chain,
		connections,
		active: false,
		nodeTypes: new TestNodeTypes(pkg, extraNodeTypes),
		settings: { executionOrder: 'v1', ...settings },
	});
	return { workflow, fixture };
}

/** The saved-workflow record the lifecycle hooks are given. */
export function toWorkflowData(workflow: Workflow): IWorkflowBase {
	return {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
	};
}

/** The one name in `types`, for packages with a single node or credential type. */
export function only(types: Record<string, unknown>, kind: string): string {
	const names = Object.keys(types);
	if (names.length !== 1) {
		throw new Error(
			`The package has ${names.length} ${kind} types: name one of ${names.join(', ')}`,
		);
	}
	return names[0];
}
