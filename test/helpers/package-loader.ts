import path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

export interface LoadedPackage {
	packageName: string;
	/** Keyed by the full type name n8n gives community nodes: `<package name>.<node name>`. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: Record<string, ICredentialType>;
	/** Full node type names allowed to use each credential (from the nodes' descriptions). */
	supportedNodes: Record<string, string[]>;
}

export const REPO_ROOT = path.resolve(__dirname, '../..');

const loaded = new Map<string, Promise<LoadedPackage>>();

/**
 * Loads a built community package the way n8n does: the `n8n` block of its package.json
 * names the compiled node and credential files. Cached per directory for the test file.
 */
export async function loadPackage(directory: string = REPO_ROOT): Promise<LoadedPackage> {
	const key = path.resolve(directory);
	let result = loaded.get(key);
	if (!result) {
		result = load(key);
		loaded.set(key, result);
	}
	return await result;
}

async function load(directory: string): Promise<LoadedPackage> {
	const loader = new PackageDirectoryLoader(directory);
	try {
		await loader.loadAll();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Could not load ${directory} (is it built? npm run build): ${reason}`);
	}
	const { packageName } = loader;

	const nodeTypes: LoadedPackage['nodeTypes'] = {};
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
		nodeTypes[`${packageName}.${name}`] = type;
	}
	const credentialTypes: LoadedPackage['credentialTypes'] = {};
	const supportedNodes: LoadedPackage['supportedNodes'] = {};
	for (const [name, { type }] of Object.entries(loader.credentialTypes)) {
		credentialTypes[name] = type;
		supportedNodes[name] = (type.supportedNodes ?? []).map((node) => `${packageName}.${node}`);
	}
	if (Object.keys(nodeTypes).length === 0) {
		throw new Error(`No nodes loaded from ${directory}: its package.json lists none`);
	}
	return { packageName, nodeTypes, credentialTypes, supportedNodes };
}
