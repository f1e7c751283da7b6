import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { flowLocator, versionLocator } from '../../methods';
import { DEFAULT_TIMEOUT_MS } from '../../transport';

const fields: INodeProperties[] = [
	flowLocator({
		description:
			'The process flow to start: choose it by name, or give its ID (the number above its title on the canvas) or its URL. Items whose flow differs go to separate runs.',
	}),
	versionLocator(),
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
		displayName: 'Payload Format',
		name: 'payloadFormat',
		type: 'options',
		options: [
			{
				name: 'String',
				value: 'string',
				description: 'The payload as a string in {"payload": "…"}, the long-standing format',
			},
			{
				name: 'Raw JSON',
				value: 'raw',
				description: 'The JSON itself as the request body, through the newer /raw endpoints',
			},
		],
		default: 'string',
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until each run finishes in Patchworks and output its final status and times',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		description:
			'How long to wait for all runs of this execution in total. The runs carry on in Patchworks after it.',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	{
		displayName: 'Unsuccessful Runs',
		name: 'unsuccessfulRuns',
		type: 'options',
		options: [
			{
				name: 'Fail the Node',
				value: 'fail',
				description: 'A run ending in failure, stopped or partial success is an error',
			},
			{
				name: 'Output Them',
				value: 'output',
				description: 'Output every finished run with its status, to branch on it',
			},
		],
		default: 'fail',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Flow Variables',
				name: 'flowVariables',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Variable',
				description: 'Values for the flow’s variables in this run',
				options: [
					{
						displayName: 'Variable',
						name: 'variable',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 2,
				description: 'How many runs may be starting at the same time',
			},
			{
				displayName: 'Max Items per Run',
				name: 'maxItemsPerRun',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'With All Items as One Payload, start a new run after this many items. 0 means no limit.',
			},
			{
				displayName: 'Max Payload Size (MB)',
				name: 'maxPayloadSize',
				type: 'number',
				typeOptions: { minValue: 0.001, numberPrecision: 3 },
				default: 8,
				description:
					'Largest request body to send. All Items as One Payload is split into as many runs as needed to stay below it. Patchworks accepts up to 8 MB.',
			},
			{
				displayName: 'Max Requests per Minute',
				name: 'maxRequestsPerMinute',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 240,
				description:
					'Requests are spaced so that no more than this many start in any minute. Patchworks allows about 240.',
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 3,
				description:
					'How often to resend a request that Patchworks refused without starting a run (429 or 503, or a refused connection). Other failures are never resent.',
			},
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TIMEOUT_MS,
				description:
					'Milliseconds to wait for Patchworks to accept each run before failing. The run may still start after a timeout.',
			},
			{
				displayName: 'Virtual Environment ID',
				name: 'virtualEnvironmentId',
				type: 'string',
				default: '',
				placeholder: '12',
				description: 'Run the flow in this virtual environment instead of the main one',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['processFlow'], operation: ['start'] } },
	fields,
);
