import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runOutput } from '../../helpers/runs';
import { coreGetResource } from '../../transport/core';
import { runIdField } from './fields';
import { eachItem, readRunId } from './shared';
import { waitForRun } from './waitForRun';

const fields: INodeProperties[] = [
	runIdField,
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until the run has finished (success, failure, stopped or partial success). Checks at once, then after 1, 2, 4 … seconds, then every 30 seconds.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		description:
			'How long to wait for the run to finish before failing. The run carries on in Patchworks either way.',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['flowRun'], operation: ['get'] } },
	fields,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	return await eachItem.call(this, items, async (index, connection) => {
		const runId = readRunId.call(this, index);
		if (this.getNodeParameter('waitForCompletion', index, false) as boolean) {
			const seconds = this.getNodeParameter('waitTimeout', index, 300) as number;
			const timeoutMs = Math.max(1, seconds) * 1000;
			return [await waitForRun.call(this, connection, runId, { timeoutMs, itemIndex: index })];
		}
		const run = await coreGetResource.call(this, connection, {
			path: `/api/v1/flow-runs/${runId}`,
			what: `flow run ${runId}`,
			notFound: 'Run logs are kept for 7 days, and a queued run may not be visible yet.',
			itemIndex: index,
		});
		return [runOutput(run, connection.dashboardUrl)];
	});
}
