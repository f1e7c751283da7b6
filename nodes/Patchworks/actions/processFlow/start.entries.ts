import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DataMapping, FieldsToSend, Target } from '../../helpers/payload';
import { itemJsonText, parseFieldList, pickFields } from '../../helpers/payload';
import type { Entry, PayloadFormat } from '../../helpers/split';
import { toEntry } from '../../helpers/split';
import { describeValue, isBlank, parseId } from '../../helpers/validation';
import { versionIdOf } from '../../methods';

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/**
 * Reads a parameter for one item. A value without an expression is read once for all items,
 * which matters with 100,000 items. A failing expression names the field and the item.
 */
function parameterReader(this: IExecuteFunctions, name: string, label: string) {
	const raw = this.getNode().parameters[name];
	// A resource locator holds its expression in `value`; a plain (older) value is the string.
	const source = typeof raw === 'object' && raw !== null && '__rl' in raw ? raw.value : raw;
	const isExpression = typeof source === 'string' && source.startsWith('=');
	let cached: { value: unknown } | undefined;
	return (index: number): unknown => {
		if (cached !== undefined) return cached.value;
		try {
			const value = this.getNodeParameter(name, index, '', { extractValue: true });
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
					description: `Its expression is ${String(source).replace(/^=/, '')}. Nothing was sent.`,
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

function versionOrThrow(this: IExecuteFunctions, value: unknown, index: number) {
	const version = versionIdOf(value);
	return version === undefined ? idOrThrow.call(this, value, 'Version', index) : version;
}

export function entryReader(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	mapping: DataMapping,
	format: PayloadFormat,
) {
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
			throw new NodeOperationError(node, `Payload is empty for item ${index}`, {
				itemIndex: index,
				description: 'Patchworks refuses blank payloads. Nothing was sent.',
			});
		}
		if (format === 'raw' && !isJson(payload)) {
			throw new NodeOperationError(node, `Payload of item ${index} is not JSON`, {
				itemIndex: index,
				description:
					'Raw JSON sends the payload as the request body: it must be JSON. Nothing was sent.',
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
			version: versionOrThrow.call(this, versionValue, index),
		};
		return toEntry(index, target, text(index));
	};
}
