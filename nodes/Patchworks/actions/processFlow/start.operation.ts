import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { DataMapping } from '../../helpers/payload';
import { hasBinary } from '../../helpers/payload';
import type { Entry, PayloadFormat } from '../../helpers/split';
import { planArrayRuns, planSingleRuns } from '../../helpers/split';
import { isBlank } from '../../helpers/validation';
import { DEFAULT_TIMEOUT_MS } from '../../transport';
import { entryReader } from './start.entries';
import { startAll } from './start.send';
import { waitForAll } from './start.wait';

export { description } from './start.properties';

type NodeError = NodeApiError | NodeOperationError;

const MEGABYTE = 1024 * 1024;
// Added to every gap so that Patchworks, which sees arrivals, not departures, never sees one
// shorter than the limit because of a little delay in the network or the event loop.
const PACING_MARGIN_MS = 10;

function sendSettings(options: StartOptions) {
	const variables = options.flowVariables?.variable ?? [];
	const query: Array<[string, string]> = [];
	if (!isBlank(options.virtualEnvironmentId)) {
		query.push(['virtual_environment_id', String(options.virtualEnvironmentId).trim()]);
	}
	if (variables.length > 0) {
		// Taken as one JSON-encoded query parameter, as Patchworks' own client sends it.
		const values = Object.fromEntries(variables.map(({ name, value }) => [name, value]));
		query.push(['flow_variables', JSON.stringify(values)]);
	}
	return {
		timeout: options.timeout || DEFAULT_TIMEOUT_MS,
		maxRetries: options.maxRetries ?? 3,
		intervalMs: 60_000 / Math.max(1, options.maxRequestsPerMinute ?? 240) + PACING_MARGIN_MS,
		concurrency: options.maxConcurrency ?? 2,
		query,
	};
}

interface StartOptions {
	flowVariables?: { variable?: Array<{ name: string; value: string }> };
	virtualEnvironmentId?: string;
	timeout?: number;
	maxPayloadSize?: number;
	maxItemsPerRun?: number;
	maxRequestsPerMinute?: number;
	maxConcurrency?: number;
	maxRetries?: number;
}

function sizeText(bytes: number): string {
	return bytes >= MEGABYTE ? `${(bytes / MEGABYTE).toFixed(2)} MB` : `${bytes} bytes`;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	if (items.length === 0) return [[]];
	const mapping = this.getNodeParameter('dataMapping', 0) as DataMapping;
	const format = this.getNodeParameter('payloadFormat', 0, 'string') as PayloadFormat;
	const options = this.getNodeParameter('options', 0, {}) as StartOptions;
	const failures: INodeExecutionData[] = [];
	const fail = (itemIndexes: number[], error: NodeError) => {
		if (!this.continueOnFail()) throw error;
		// json.error alone lets n8n merge in the input item's fields on the error output.
		for (const item of itemIndexes)
			failures.push({ json: { error: error.message }, pairedItem: { item } });
	};

	// Every item is checked before anything is sent, so bad input never starts half the runs.
	const readEntry = entryReader.call(this, items, mapping, format);
	const entries: Entry[] = [];
	for (let index = 0; index < items.length; index++) {
		try {
			entries.push(readEntry(index));
		} catch (error) {
			const known = error instanceof NodeOperationError || error instanceof NodeApiError;
			fail(
				[index],
				known
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: index }),
			);
		}
	}
	if (hasBinary(items)) {
		this.addExecutionHints({
			message: 'Binary data on the input items was not sent: the payload holds only their JSON',
			location: 'outputPane',
		});
	}

	const maxBodyBytes = Math.floor((options.maxPayloadSize ?? 8) * MEGABYTE);
	const limits = { maxBodyBytes, maxItems: options.maxItemsPerRun ?? 0 };
	const plan =
		mapping === 'allItems'
			? planArrayRuns(entries, limits, format)
			: planSingleRuns(entries, limits, format);
	for (const { entry, bytes } of plan.oversized) {
		const message = `Item ${entry.index} needs a request of ${sizeText(bytes)}, more than Max Payload Size (${sizeText(maxBodyBytes)})`;
		fail(
			[entry.index],
			new NodeOperationError(this.getNode(), message, {
				itemIndex: entry.index,
				description: 'It was not sent. Send fewer fields of it, or split it before this node.',
			}),
		);
	}
	if (plan.runs.some((run) => run.partCount > 1)) {
		this.addExecutionHints({
			message: `The items were split into ${plan.runs.length} runs so that each request stays within Max Payload Size (${sizeText(maxBodyBytes)})${limits.maxItems > 0 ? ` and Max Items per Run (${limits.maxItems})` : ''}`,
			location: 'outputPane',
		});
	}
	const runs = await startAll.call(this, plan.runs, sendSettings(options));
	if (this.getNodeParameter('waitForCompletion', 0, false) as boolean) {
		await waitForAll.call(this, runs, {
			timeoutMs: (this.getNodeParameter('waitTimeout', 0, 600) as number) * 1000,
			unsuccessful: this.getNodeParameter('unsuccessfulRuns', 0, 'fail') as 'fail' | 'output',
			concurrency: options.maxConcurrency ?? 2,
		});
	}
	const output = runs.flatMap(({ run, json, error }): INodeExecutionData[] => {
		if (error !== undefined) {
			return run.entries.map((entry) => ({
				json: { error: error.message },
				pairedItem: { item: entry.index },
			}));
		}
		return [
			{
				json: json as IDataObject,
				pairedItem: run.entries.map((entry) => ({ item: entry.index })),
			},
		];
	});
	return [[...output, ...failures]];
}
