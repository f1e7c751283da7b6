import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as flowRun from './actions/flowRun';
import * as processFlow from './actions/processFlow';
import { router } from './actions/router';
import { listSearch } from './methods';

export class Patchworks implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Patchworks',
		name: 'patchworks',
		icon: {
			light: 'file:../../icons/patchworks.svg',
			dark: 'file:../../icons/patchworks.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Start Patchworks process flows with your items and get their flow run IDs',
		defaults: { name: 'Patchworks' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'patchworksApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Flow Run', value: 'flowRun' },
					{ name: 'Process Flow', value: 'processFlow' },
				],
				default: 'processFlow',
			},
			...processFlow.description,
			...flowRun.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
