import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type DataMapping = 'allItems' | 'eachItem' | 'custom';
export type FieldsToSend = 'all' | 'selected' | 'except';

export interface Target {
	flowId: string;
	version: string | null;
}

export function parseFieldList(text: string): string[] {
	return text
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

// Shallow on purpose: values are shared with the input item, never deep-copied.
export function pickFields(json: IDataObject, mode: FieldsToSend, fields: string[]): IDataObject {
	if (mode === 'all') return json;
	const chosen = new Set(fields);
	const picked: IDataObject = {};
	for (const key of Object.keys(json)) {
		if (chosen.has(key) === (mode === 'selected')) {
			// defineProperty keeps a key named __proto__ as data, as JSON.parse made it.
			Object.defineProperty(picked, key, {
				value: json[key],
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
	}
	return picked;
}

export function targetKey(target: Target): string {
	return `${target.flowId}/${target.version ?? ''}`;
}

/** Items bound for the same flow and version share a run, in order of first appearance. */
export function groupByTarget<T extends { target: Target }>(items: readonly T[]) {
	const groups = new Map<string, { target: Target; entries: T[] }>();
	for (const item of items) {
		const key = targetKey(item.target);
		let group = groups.get(key);
		if (group === undefined) {
			group = { target: item.target, entries: [] };
			groups.set(key, group);
		}
		group.entries.push(item);
	}
	return [...groups.values()];
}

export function hasBinary(items: INodeExecutionData[]): boolean {
	return items.some((item) => item.binary !== undefined && Object.keys(item.binary).length > 0);
}

/** JSON text of one item's fields; names the item when its value cannot be JSON. */
export function itemJsonText(node: INode, json: IDataObject, itemIndex: number): string {
	try {
		return JSON.stringify(json);
	} catch (error) {
		throw new NodeOperationError(
			node,
			`Item ${itemIndex} cannot be turned into JSON: ${(error as Error).message}`,
			{ itemIndex, description: 'Nothing was sent.' },
		);
	}
}
