import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startedRuns } from '../../helpers/ledger';
import { Pacer } from '../../helpers/pacing';
import type { DataMapping, FieldsToSend, Target } from '../../helpers/payload';
import { hasBinary, itemJsonText, parseFieldList, pickFields } from '../../helpers/payload';
import type { Entry, PlannedRun } from '../../helpers/split';
import { planArrayRuns, planSingleRuns, toEntry } from '../../helpers/split';
import { describeValue, isBlank, parseId } from '../../helpers/validation';
import { DEFAULT_TIMEOUT_MS, getConnection } from '../../transport';
import { startRun } from './start.send';

export { description } from './start.properties';

type NodeError = NodeApiError | NodeOperationError;

const MEGABYTE = 1024 * 1024;
// Added to every gap so that Patchworks, which sees arrivals, not departures, never sees one
// shorter than the limit because of a little delay in the network or the event loop.
const PACING_MARGIN_MS = 10;

interface StartOptions {
	timeout?: number;
	maxPayloadSize?: number;
	maxItemsPerRun?: number;
	maxRequestsPerMinute?: number;
	maxConcurrency?: number;
	maxRetries?: number;
}

/**
 * Reads a parameter for one item. A value without an expression is read once for all items,
 * which matters with 100,000 items. A failing expression names the field and the item.
 */
function parameterReader(this: IExecuteFunctions, name: string, label: string) {
	const raw = this.getNode().parameters[name];
	const isExpression = typeof raw === 'string' && raw.startsWith('=');
	let cached: { value: unknown } | undefined;
	return (index: number): unknown => {
		if (cached !== undefined) return cached.value;
		try {
			const value = this.getNodeParameter(name, index, '');
			if (!isExpression) cached = { value };
			return value;
		} catch (error) {
			// n8n names the node a failed $('…') reference points at in the error's context.
			const nodeCause = (error as { context?: { nodeCause?: unknown } }).context?.nodeCause;
			const reason = (error as Error).message;
			const detail = typeof nodeCause === 'string' ? `${reason}: "${nodeCause}"` : reason;
			throw new NodeOperationError(
				this.getNode(),
				`${label} could not be resolved for item ${index}: ${detail}`,
				{
					itemIndex: index,
					description: `Its expression is ${String(raw).replace(/^=/, '')}. Nothing was sent.`,
				},
			);
		}
	};
}

function idOrThrow(this: IExecuteFunctions, value: unknown, label: string, index: number) {
	const id = parseId(value);
	if (id !== undefined) return id;
	const expected =
		label === 'Version' ? 'a positive whole number or empty' : 'a positive whole number';
	throw new NodeOperationError(
		this.getNode(),
		`${label} must be ${expected}, but item ${index} has ${describeValue(value)}`,
		{ itemIndex: index, description: 'IDs are numbers such as 101. Nothing was sent.' },
	);
}

function entryReader(this: IExecuteFunctions, items: INodeExecutionData[], mapping: DataMapping) {
	const flowId = parameterReader.call(this, 'flowId', 'Flow ID');
	const version = parameterReader.call(this, 'flowVersion', 'Version');
	const custom = parameterReader.call(this, 'customPayload', 'Payload');
	const fieldsMode = (
		mapping === 'custom' ? 'all' : this.getNodeParameter('fieldsToSend', 0, 'all')
	) as FieldsToSend;
	const fields =
		fieldsMode === 'all'
			? []
			: parseFieldList(this.getNodeParameter('fieldNames', 0, '') as string);

	// getNode() copies the node on every call: once, not once per item.
	const node = this.getNode();
	const text = (index: number): string => {
		if (mapping !== 'custom') {
			return itemJsonText(node, pickFields(items[index].json, fieldsMode, fields), index);
		}
		const value = custom(index);
		const payload = typeof value === 'string' ? value : JSON.stringify(value);
		if (isBlank(payload)) {
			throw new NodeOperationError(this.getNode(), `Payload is empty for item ${index}`, {
				itemIndex: index,
				description: 'Patchworks refuses blank payloads. Nothing was sent.',
			});
		}
		return payload;
	};

	return (index: number): Entry => {
		const flowValue = flowId(index);
		if (isBlank(flowValue)) {
			throw new NodeOperationError(this.getNode(), `Flow ID is required (item ${index})`, {
				itemIndex: index,
				description: 'Set Flow ID to the number shown above the flow’s title in Patchworks.',
			});
		}
		const versionValue = version(index);
		const target: Target = {
			flowId: idOrThrow.call(this, flowValue, 'Flow ID', index),
			version: isBlank(versionValue) ? null : idOrThrow.call(this, versionValue, 'Version', index),
		};
		return toEntry(index, target, text(index));
	};
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
	const options = this.getNodeParameter('options', 0, {}) as StartOptions;
	const failures: INodeExecutionData[] = [];
	const fail = (itemIndexes: number[], error: NodeError) => {
		if (!this.continueOnFail()) throw error;
		// json.error alone lets n8n merge in the input item's fields on the error output.
		for (const item of itemIndexes)
			failures.push({ json: { error: error.message }, pairedItem: { item } });
	};

	// Every item is checked before anything is sent, so bad input never starts half the runs.
	const readEntry = entryReader.call(this, items, mapping);
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
		mapping === 'allItems' ? planArrayRuns(entries, limits) : planSingleRuns(entries, limits);
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
	const runs = await startAll.call(this, plan.runs, options);
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

async function startAll(this: IExecuteFunctions, runs: PlannedRun[], options: StartOptions) {
	const settings = {
		connection: await getConnection.call(this),
		timeout: options.timeout || DEFAULT_TIMEOUT_MS,
		maxRetries: options.maxRetries ?? 3,
		pacer: new Pacer(60_000 / Math.max(1, options.maxRequestsPerMinute ?? 240) + PACING_MARGIN_MS),
		ledger: startedRuns(this.getContext('node')),
	};
	const results: Array<{ run: PlannedRun; json?: IDataObject; error?: NodeError }> = runs.map(
		(run) => ({ run }),
	);
	let next = 0;
	let firstError: NodeError | undefined;
	const worker = async () => {
		while (next < runs.length && firstError === undefined) {
			const slot = results[next++];
			try {
				slot.json = await startRun.call(this, slot.run, settings);
			} catch (error) {
				slot.error = error as NodeError;
				if (!this.continueOnFail()) firstError ??= slot.error;
			}
		}
	};
	const concurrency = Math.max(1, Math.min(options.maxConcurrency ?? 2, runs.length));
	await Promise.all(Array.from({ length: concurrency }, worker));
	if (firstError !== undefined) {
		const started = results.filter((r) => r.json !== undefined);
		if (started.length > 0 && firstError instanceof NodeApiError) {
			const list = started.map(
				(r) => `flow ${r.run.target.flowId} run ${String(r.json?.flowRunId)}`,
			);
			firstError.description = `${firstError.description ?? ''}\nAlready started in this execution: ${list.join(', ')}.`;
		}
		throw firstError;
	}
	return results;
}
