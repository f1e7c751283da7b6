import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { flowLocator, versionLocator } from '../../methods/locators';
import { limitFields, STATUS_FILTER } from './fields';

const statusOptions = Object.entries(STATUS_FILTER).map(([value, { name }]) => ({ name, value }));

const fields: INodeProperties[] = [
	flowLocator({
		required: false,
		description: 'Only runs of this flow. Leave empty for the runs of all flows.',
	}),
	...limitFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Started After',
				name: 'startedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only runs that started after this moment (in the workflow’s time zone)',
			},
			{
				displayName: 'Started Before',
				name: 'startedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only runs that started before this moment (in the workflow’s time zone)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: statusOptions,
				default: [],
				description: 'Only runs in one of these statuses',
			},
			versionLocator({
				description:
					'Only runs of this version of the Flow. Deployed Version means the version deployed now.',
			}),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['flowRun'], operation: ['getMany'] } },
	fields,
);
