import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../../transport';

const fields: INodeProperties[] = [
	{
		displayName: 'Flow ID',
		name: 'flowId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '101',
		description:
			'The number shown above the flow’s title on the Patchworks canvas. Items whose Flow ID differs go to separate runs.',
	},
	{
		displayName: 'Version',
		name: 'flowVersion',
		type: 'string',
		default: '',
		placeholder: 'Deployed version',
		description:
			'The version number to run (shown below the flow’s title). Leave empty to run the deployed version.',
	},
	{
		displayName: 'Data Mapping',
		name: 'dataMapping',
		type: 'options',
		options: [
			{
				name: 'All Items as One Payload',
				value: 'allItems',
				description: 'One run; the payload is the JSON text of an array of all items',
			},
			{
				name: 'One Run per Item',
				value: 'eachItem',
				description: 'One run for each item; the payload is the JSON text of that item',
			},
			{
				name: 'Custom Payload',
				value: 'custom',
				description: 'One run for each item with a payload you write: XML, CSV, text or JSON',
			},
		],
		default: 'allItems',
	},
	{
		displayName: 'Payload',
		name: 'customPayload',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: '<order><number>{{ $json.orderNumber }}</number></order>',
		description: 'Sent unchanged as the payload string; evaluated for each item',
		displayOptions: { show: { dataMapping: ['custom'] } },
	},
	{
		displayName: 'Fields to Send',
		name: 'fieldsToSend',
		type: 'options',
		options: [
			{ name: 'All Fields', value: 'all' },
			{ name: 'Selected Fields', value: 'selected' },
			{ name: 'All Fields Except', value: 'except' },
		],
		default: 'all',
		displayOptions: { show: { dataMapping: ['allItems', 'eachItem'] } },
	},
	{
		displayName: 'Fields',
		name: 'fieldNames',
		type: 'string',
		default: '',
		placeholder: 'orderNumber, email, total',
		description: 'Comma-separated names of top-level fields',
		displayOptions: {
			show: { dataMapping: ['allItems', 'eachItem'], fieldsToSend: ['selected', 'except'] },
		},
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TIMEOUT_MS,
				description:
					'Milliseconds to wait for Patchworks to accept each run before failing. The run may still start after a timeout.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['processFlow'], operation: ['start'] } },
	fields,
);
