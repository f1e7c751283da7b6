import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as flowRun from './flowRun';
import * as processFlow from './processFlow';

type Operation = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[][]>;

const operations: Record<string, Record<string, Operation>> = {
	processFlow: { start: processFlow.start.execute },
	flowRun: {
		get: flowRun.get.execute,
		getLogs: flowRun.getLogs.execute,
		getMany: flowRun.getMany.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (run === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return await run.call(this, this.getInputData());
}
