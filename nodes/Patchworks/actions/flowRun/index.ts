import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getLogs from './getLogs.operation';
import * as getMany from './getMany.operation';

export { get, getLogs, getMany };
export { WaitCancelledError, waitForRun } from './waitForRun';
export type { WaitForRunOptions } from './waitForRun';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flowRun'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a flow run',
				description:
					'Get a flow run by its ID: its status, start and finish times, and a link to its logs',
			},
			{
				name: 'Get Logs',
				value: 'getLogs',
				action: 'Get the logs of a flow run',
				description: 'Get the log entries of a flow run: level, message, step and time',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many flow runs',
				description: 'Get flow runs, newest first, filtered by flow, status and start time',
			},
		],
		default: 'get',
	},
	...get.description,
	...getLogs.description,
	...getMany.description,
];
