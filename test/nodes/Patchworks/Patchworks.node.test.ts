import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Patchworks } from '../../../nodes/Patchworks/Patchworks.node';
import codex from '../../../nodes/Patchworks/Patchworks.node.json';

const { description } = new Patchworks();
const byName = (name: string) => description.properties.filter((p) => p.name === name);

describe('Patchworks node description', () => {
	it('is named as n8n finds it and usable as an AI tool', () => {
		expect(description.name).toBe('patchworks');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'patchworksApi', required: true }]);
		expect(codex.node).toBe('n8n-nodes-patchworks.patchworks');
	});

	it('gives every operation a value, an action sentence and a description', () => {
		const operations = byName('operation').flatMap(
			(p) => (p.options ?? []) as INodePropertyOptions[],
		);
		expect(operations.length).toBeGreaterThan(0);
		for (const operation of operations) {
			expect(operation.value).toMatch(/^[a-z][A-Za-z]*$/);
			expect(operation.action).toMatch(/^[A-Z]/);
			expect(String(operation.description).length).toBeGreaterThan(20);
		}
	});

	it('shows every operation field only for one resource and operations of that resource', () => {
		const operationsOf = (resource: string) =>
			byName('operation')
				.filter((p) => p.displayOptions?.show?.resource?.[0] === resource)
				.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.value));
		const fields = description.properties.filter(
			(p) => !['resource', 'operation'].includes(p.name),
		);
		for (const field of fields) {
			const { resource, operation } = field.displayOptions?.show ?? {};
			expect(resource).toHaveLength(1);
			expect(operation?.length).toBeGreaterThan(0);
			for (const value of operation ?? []) {
				expect(operationsOf(String(resource?.[0]))).toContain(value);
			}
		}
	});

	it('keeps option values stable for saved workflows', () => {
		const values = (name: string) =>
			((byName(name)[0] as INodeProperties).options as INodePropertyOptions[]).map((o) => o.value);
		expect(values('resource')).toEqual(['flowRun', 'processFlow']);
		expect(byName('resource')[0].default).toBe('processFlow');
		expect(values('dataMapping')).toEqual(['allItems', 'eachItem', 'custom']);
		expect(values('fieldsToSend')).toEqual(['all', 'selected', 'except']);
		expect(byName('dataMapping')[0].default).toBe('allItems');
	});

	it('describes every field an agent fills in', () => {
		for (const name of ['flowId', 'flowVersion', 'customPayload']) {
			expect(String(byName(name)[0].description).length).toBeGreaterThan(20);
		}
	});
});
