import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { parseRunId } from '../../helpers/runs';
import { describeValue, isBlank } from '../../helpers/validation';
import type { CoreConnection } from '../../transport/core';
import { getCoreConnection } from '../../transport/core';
import { WaitCancelledError } from './waitForRun';

type ItemReader = (index: number, connection: CoreConnection) => Promise<IDataObject[]>;

/**
 * Runs `read` for each input item in turn. Every output item is paired with the input item it
 * came from; with Continue On Fail, a failed item becomes one error item, paired the same way.
 */
export async function eachItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	read: ItemReader,
): Promise<INodeExecutionData[][]> {
	if (items.length === 0) return [[]];
	const connection = await getCoreConnection.call(this);
	const output: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) {
		try {
			for (const json of await read(index, connection)) {
				output.push({ json, pairedItem: { item: index } });
			}
		} catch (caught) {
			const error =
				caught instanceof NodeOperationError || caught instanceof NodeApiError
					? caught
					: new NodeOperationError(this.getNode(), caught as Error, { itemIndex: index });
			// A cancelled execution ends here, whatever Continue On Fail says.
			if (error instanceof WaitCancelledError || !this.continueOnFail()) throw error;
			output.push({ json: { error: error.message }, error, pairedItem: { item: index } });
		}
	}
	return [output];
}

/** The Flow Run ID of one item: a positive whole number of any length, kept as digits. */
export function readRunId(this: IExecuteFunctions, index: number): string {
	const value = this.getNodeParameter('flowRunId', index, '');
	const runId = parseRunId(value);
	if (runId !== undefined) return runId;
	const unsafe = typeof value === 'number' && Number.isInteger(value) && value > 0;
	throw new NodeOperationError(
		this.getNode(),
		isBlank(value)
			? `Flow Run ID is required (item ${index})`
			: `Flow Run ID must be a positive whole number, but item ${index} has ${describeValue(value)}`,
		{
			itemIndex: index,
			description: unsafe
				? 'The number is too large to be exact: pass the ID as text, as Start outputs it. Nothing was read.'
				: 'Use the flowRunId that Start outputs, such as 184467. Nothing was read.',
		},
	);
}

/** Return All, or the Limit (at least 1). */
export function readLimit(this: IExecuteFunctions, index: number): number {
	if (this.getNodeParameter('returnAll', index, false) as boolean) return Infinity;
	return Math.max(1, Math.floor(this.getNodeParameter('limit', index, 50) as number));
}
