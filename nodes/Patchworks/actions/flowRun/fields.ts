import type { INodeProperties } from 'n8n-workflow';

export const runIdField: INodeProperties = {
	displayName: 'Flow Run ID',
	name: 'flowRunId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '184467',
	description: 'The ID of the run, such as the flowRunId that Start outputs',
};

export const limitFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

// Option values are saved in workflows: they stay camelCase words, never the API's numbers.
export const STATUS_FILTER: Record<string, { name: string; code: number }> = {
	failure: { name: 'Failure', code: 3 },
	partialSuccess: { name: 'Partial Success', code: 5 },
	started: { name: 'Started (Running)', code: 1 },
	stopped: { name: 'Stopped', code: 4 },
	success: { name: 'Success', code: 2 },
};
