import {
	BINARY_ENCODING,
	type IBinaryKeyData,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';

export const FIXTURE_NODE_TYPE = 'test.fixture';
export const FIXTURE_NODE_NAME = 'Orders';

/**
 * Test-only source node: outputs the items the harness puts on its input, each paired to
 * its input item. Binary data arrives inline (base64) and is stored through
 * `prepareBinaryData`, so it lands wherever the binary data service keeps files
 * (in memory by default, on disk after `useFilesystemBinaryData`).
 */
export class FixtureNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: FIXTURE_NODE_NAME,
		name: 'fixture',
		group: ['input'],
		version: 1,
		description: 'Outputs the items given to the test harness',
		defaults: { name: FIXTURE_NODE_NAME },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			output.push({
				json: item.json,
				...(item.binary && { binary: await storeBinary(this, item.binary) }),
				pairedItem: { item: index },
			});
		}
		return [output];
	}
}

async function storeBinary(context: IExecuteFunctions, binary: IBinaryKeyData) {
	const stored: IBinaryKeyData = {};
	for (const [key, value] of Object.entries(binary)) {
		const buffer = Buffer.from(value.data, BINARY_ENCODING);
		// A mime type must be given: without one n8n-core sniffs the bytes with an ESM-only
		// import that jest cannot load unless run with --experimental-vm-modules.
		stored[key] = await context.helpers.prepareBinaryData(
			buffer,
			value.fileName,
			value.mimeType || 'application/octet-stream',
		);
	}
	return stored;
}
