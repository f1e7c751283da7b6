import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiError, describeTarget, explainFailure } from '../../helpers/errors';
import type { DataMapping, FieldsToSend, PlannedRun, Target } from '../../helpers/payload';
import {
	groupByTarget,
	hasBinary,
	itemJsonText,
	parseFieldList,
	pickFields,
	requestBody,
} from '../../helpers/payload';
import { parseStartReply } from '../../helpers/response';
import { describeValue, isBlank, parseId } from '../../helpers/validation';
import type { Connection } from '../../transport';
import { DEFAULT_TIMEOUT_MS, getConnection, patchworksRequest } from '../../transport';

export { description } from './start.properties';

type NodeError = NodeApiError | NodeOperationError;

/** A parameter's value for one item; an expression that fails names the field and the item. */
function parameter(this: IExecuteFunctions, name: string, label: string, index: number): unknown {
	try {
		return this.getNodeParameter(name, index, '');
	} catch (error) {
		// n8n names the node a failed $('…') reference points at in the error's context.
		const nodeCause = (error as { context?: { nodeCause?: unknown } }).context?.nodeCause;
		const reason = (error as Error).message;
		const detail = typeof nodeCause === 'string' ? `${reason}: "${nodeCause}"` : reason;
		const expression = String(this.getNode().parameters[name] ?? '').replace(/^=/, '');
		throw new NodeOperationError(
			this.getNode(),
			`${label} could not be resolved for item ${index}: ${detail}`,
			{ itemIndex: index, description: `Its expression is ${expression}. Nothing was sent.` },
		);
	}
}

function resolveTarget(this: IExecuteFunctions, index: number): Target {
	const flowValue = parameter.call(this, 'flowId', 'Flow ID', index);
	if (isBlank(flowValue)) {
		throw new NodeOperationError(this.getNode(), `Flow ID is required (item ${index})`, {
			itemIndex: index,
			description: 'Set Flow ID to the number shown above the flow’s title in Patchworks.',
		});
	}
	const flowId = parseId(flowValue);
	if (flowId === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Flow ID must be a positive whole number, but item ${index} has ${describeValue(flowValue)}`,
			{ itemIndex: index, description: 'Flow IDs are numbers such as 101. Nothing was sent.' },
		);
	}
	const versionValue = parameter.call(this, 'flowVersion', 'Version', index);
	if (isBlank(versionValue)) return { flowId, version: null };
	const version = parseId(versionValue);
	if (version === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Version must be a positive whole number or empty, but item ${index} has ${describeValue(versionValue)}`,
			{ itemIndex: index, description: 'Leave Version empty to run the deployed version.' },
		);
	}
	return { flowId, version };
}

function payloadText(this: IExecuteFunctions, item: INodeExecutionData, index: number): string {
	const mapping = this.getNodeParameter('dataMapping', 0) as DataMapping;
	if (mapping !== 'custom') {
		const mode = this.getNodeParameter('fieldsToSend', 0, 'all') as FieldsToSend;
		const names =
			mode === 'all' ? [] : parseFieldList(this.getNodeParameter('fieldNames', 0, '') as string);
		return itemJsonText(this.getNode(), pickFields(item.json, mode, names), index);
	}
	const value = parameter.call(this, 'customPayload', 'Payload', index);
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	if (isBlank(text)) {
		throw new NodeOperationError(this.getNode(), `Payload is empty for item ${index}`, {
			itemIndex: index,
			description: 'Patchworks refuses blank payloads. Nothing was sent.',
		});
	}
	return text;
}

function planRuns(
	this: IExecuteFunctions,
	resolved: Array<{ index: number; target: Target; text: string }>,
) {
	const mapping = this.getNodeParameter('dataMapping', 0) as DataMapping;
	if (mapping !== 'allItems') {
		return resolved.map(
			({ index, target, text }): PlannedRun => ({ target, itemIndexes: [index], payload: text }),
		);
	}
	const texts = new Map(resolved.map(({ index, text }) => [index, text]));
	return groupByTarget(resolved).map(
		({ target, itemIndexes }): PlannedRun => ({
			target,
			itemIndexes,
			payload: `[${itemIndexes.map((index) => texts.get(index)).join(',')}]`,
		}),
	);
}

async function startRun(
	this: IExecuteFunctions,
	connection: Connection,
	run: PlannedRun,
	timeout: number,
): Promise<IDataObject> {
	const { flowId, version } = run.target;
	const path = `/api/v1/flows/${flowId}/manual${version === null ? '' : `/${version}`}`;
	const body = requestBody(run.payload);
	const itemIndex = run.itemIndexes[0];
	const reply = await patchworksRequest.call(
		this,
		connection,
		{ method: 'POST', url: `${connection.startUrl}${path}`, body, timeout },
		itemIndex,
	);
	if (reply.statusCode < 200 || reply.statusCode >= 300) {
		const retryAfter = reply.headers['retry-after'];
		const failure = {
			...reply,
			retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
		};
		throw apiError(this.getNode(), explainFailure(failure, run.target, connection.auth), {
			httpCode: String(reply.statusCode),
			itemIndex,
		});
	}
	const parsed = parseStartReply(reply.body);
	if ('problem' in parsed) {
		throw apiError(
			this.getNode(),
			{
				message: `Patchworks replied to ${describeTarget(run.target)} with no flow run id`,
				description: `${parsed.problem}\nThe run may have started: check the flow’s run logs in Patchworks.`,
			},
			{ httpCode: String(reply.statusCode), itemIndex },
		);
	}
	return {
		flowRunId: parsed.flowRunId,
		flowId: Number(flowId),
		flowVersion: version === null ? null : Number(version),
		itemCount: run.itemIndexes.length,
		payloadBytes: Buffer.byteLength(run.payload, 'utf8'),
		message: parsed.message,
	};
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	if (items.length === 0) return [[]];
	const output: INodeExecutionData[] = [];
	const fail = (itemIndexes: number[], error: NodeError) => {
		if (!this.continueOnFail()) throw error;
		for (const item of itemIndexes) {
			// json.error alone lets n8n merge in the input item's fields on the error output.
			output.push({ json: { error: error.message }, pairedItem: { item } });
		}
	};

	// Every item is checked before anything is sent, so bad input never starts half the runs.
	const resolved: Array<{ index: number; target: Target; text: string }> = [];
	for (let index = 0; index < items.length; index++) {
		try {
			const target = resolveTarget.call(this, index);
			resolved.push({ index, target, text: payloadText.call(this, items[index], index) });
		} catch (error) {
			// Expression errors (a missing node, say) arrive here unwrapped.
			const wrapped =
				error instanceof NodeOperationError || error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: index });
			fail([index], wrapped);
		}
	}
	if (hasBinary(items)) {
		this.addExecutionHints({
			message: 'Binary data on the input items was not sent: the payload holds only their JSON',
			location: 'outputPane',
		});
	}

	const connection = await getConnection.call(this);
	const timeout =
		(this.getNodeParameter('options.timeout', 0, DEFAULT_TIMEOUT_MS) as number) ||
		DEFAULT_TIMEOUT_MS;
	const started: string[] = [];
	for (const run of planRuns.call(this, resolved)) {
		try {
			const json = await startRun.call(this, connection, run, timeout);
			started.push(`flow ${run.target.flowId} run ${json.flowRunId as string}`);
			output.push({ json, pairedItem: run.itemIndexes.map((item) => ({ item })) });
		} catch (error) {
			if (!this.continueOnFail() && started.length > 0 && error instanceof NodeApiError) {
				error.description = `${error.description ?? ''}\nAlready started in this execution: ${started.join(', ')}.`;
			}
			fail(run.itemIndexes, error as NodeError);
		}
	}
	return [output];
}
