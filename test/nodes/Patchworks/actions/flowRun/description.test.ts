import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Patchworks } from '../../../../../nodes/Patchworks/Patchworks.node';

const node = new Patchworks();
const properties = node.description.properties;
const flowRunOperations = properties.find(
	(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'flowRun',
) as INodeProperties;

function allFields(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((p) => [
		p,
		...allFields((p.options ?? []).filter((o) => 'type' in o) as INodeProperties[]),
	]);
}

describe('Flow Run description', () => {
	it('keeps operation and status values stable for saved workflows', () => {
		const values = (flowRunOperations.options as INodePropertyOptions[]).map((o) => o.value);
		expect(values).toEqual(['get', 'getLogs', 'getMany']);
		const status = allFields(properties).find((p) => p.name === 'status') as INodeProperties;
		expect((status.options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
			'failure',
			'partialSuccess',
			'started',
			'stopped',
			'success',
		]);
	});

	it('names only list searches the node has', () => {
		const methods = allFields(properties)
			.flatMap((p) => p.modes ?? [])
			.map((mode) => mode.typeOptions?.searchListMethod)
			.filter(Boolean);
		expect(new Set(methods)).toEqual(new Set(['searchFlows', 'searchVersions']));
		for (const method of methods) {
			expect(typeof node.methods.listSearch[method as 'searchFlows']).toBe('function');
		}
	});
});
