import {
	type IDataObject,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
	NodeHelpers,
} from 'n8n-workflow';

import { FIXTURE_NODE_TYPE, FixtureNode } from './fixture-node';
import type { LoadedPackage } from './package-loader';

/** The node types of one loaded package, any extra ones, and the harness's fixture node. */
export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;

	constructor(pkg: LoadedPackage, extra: Record<string, INodeType | IVersionedNodeType> = {}) {
		this.types = { ...pkg.nodeTypes, ...extra, [FIXTURE_NODE_TYPE]: new FixtureNode() };
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type "${nodeType}"`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** The version n8n gives a new node on the canvas: the node's default or newest version. */
export function defaultVersion(type: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in type) return type.currentVersion;
	const { version, defaultVersion: preferred } = type.description;
	if (preferred !== undefined) return preferred;
	return Array.isArray(version) ? Math.max(...version) : version;
}
