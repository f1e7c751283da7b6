import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	groupByTarget,
	hasBinary,
	itemJsonText,
	parseFieldList,
	pickFields,
} from '../../../../nodes/Patchworks/helpers/payload';

const node: INode = {
	id: '1',
	name: 'Patchworks',
	type: 'n8n-nodes-patchworks.patchworks',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('payload helpers', () => {
	it('picks selected fields or all but the excluded ones, without copying values', () => {
		const nested = { deep: [1] };
		const json = { a: 1, b: nested, c: 'x' };
		expect(pickFields(json, 'all', [])).toBe(json);
		const selected = pickFields(json, 'selected', ['b', 'missing']);
		expect(selected).toEqual({ b: nested });
		expect(selected.b).toBe(nested);
		expect(pickFields(json, 'except', ['b'])).toEqual({ a: 1, c: 'x' });
	});

	it('keeps a key named __proto__ as an own field when picking', () => {
		const json = JSON.parse('{"__proto__":{"x":1},"a":2}');
		expect(JSON.stringify(pickFields(json, 'except', ['a']))).toBe('{"__proto__":{"x":1}}');
	});

	it('parses comma-separated field names', () => {
		expect(parseFieldList(' id, email ,,total ')).toEqual(['id', 'email', 'total']);
	});

	it('groups items by flow and version in order of first appearance', () => {
		const a = { flowId: '101', version: '1' };
		const b = { flowId: '102', version: '1' };
		const deployed = { flowId: '101', version: null };
		const items = [
			{ index: 0, target: b },
			{ index: 1, target: a },
			{ index: 2, target: { ...b } },
			{ index: 3, target: deployed },
		];
		expect(groupByTarget(items)).toEqual([
			{ target: b, entries: [items[0], items[2]] },
			{ target: a, entries: [items[1]] },
			{ target: deployed, entries: [items[3]] },
		]);
	});

	it('notices binary data on any item', () => {
		expect(hasBinary([{ json: {} }, { json: {}, binary: {} }])).toBe(false);
		expect(hasBinary([{ json: {}, binary: { file: { data: 'x', mimeType: 'text/plain' } } }])).toBe(
			true,
		);
	});

	it('names the item whose JSON cannot be made', () => {
		const circular: IDataObject = {};
		circular.self = circular;
		expect(() => itemJsonText(node, circular, 4)).toThrow(NodeOperationError);
		expect(() => itemJsonText(node, circular, 4)).toThrow(/^Item 4 cannot be turned into JSON/);
		expect(itemJsonText(node, { n: 1 }, 0)).toBe('{"n":1}');
	});
});
