import type { INodeProperties } from 'n8n-workflow';

import * as start from './start.operation';

export { start };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['processFlow'] } },
		options: [
			{
				name: 'Start',
				value: 'start',
				action: 'Start a process flow',
				description:
					'Start a run of a Patchworks process flow with the input items as its payload, and return the flow run ID',
			},
		],
		default: 'start',
	},
	...start.description,
];
