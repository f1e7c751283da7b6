import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { logOutput } from '../../helpers/runs';
import { coreGetAll } from '../../transport/core';
import { limitFields, runIdField } from './fields';
import { eachItem, readLimit, readRunId } from './shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['flowRun'], operation: ['getLogs'] } },
	[runIdField, ...limitFields],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	return await eachItem.call(this, items, async (index, connection) => {
		const runId = readRunId.call(this, index);
		const read = {
			path: `/api/v1/flow-runs/${runId}/flow-run-logs`,
			// Oldest first, as Patchworks' own MCP client asks for them.
			query: [['sort', 'id']] as Array<[string, string]>,
			what: `flow run ${runId}`,
			notFound: 'Run logs are kept for 7 days. Check the Flow Run ID.',
			itemIndex: index,
		};
		const entries = await coreGetAll.call(this, connection, read, readLimit.call(this, index));
		return entries.map((entry) => logOutput(runId, entry));
	});
}
