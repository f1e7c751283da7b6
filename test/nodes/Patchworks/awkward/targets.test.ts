import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../../helpers/engine';
import type { WorkflowNodeSpec } from '../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../setup';

const orders = [{ json: { flowId: 101, sku: 'S1' } }, { json: { flowId: 102, sku: 'S2' } }];

describe('Awkward targets: Flow ID and Version from expressions and empty fields', () => {
	const standin = useStandin();
	const run = (parameters: INodeParameters, settings: Partial<WorkflowNodeSpec> = {}) =>
		runWorkflow({
			items: orders,
			nodes: [startNode(parameters, settings)],
			credentials: credentialFor(standin()),
		});
	// Runs may be in flight together; each is judged by where it went.
	const byUrl = () =>
		startPosts(standin())
			.map((request) => [request.url, request.text])
			.sort(([a], [b]) => a.localeCompare(b));

	it('starts a run per flow for Flow ID {{ $json.flowId }}, each with its own item', async () => {
		const result = await run({ flowId: '={{ $json.flowId }}' });

		expect(result.error).toBeUndefined();
		expect(byUrl()).toEqual([
			['/api/v1/flows/101/manual/1', String.raw`{"payload":"[{\"flowId\":101,\"sku\":\"S1\"}]"}`],
			['/api/v1/flows/102/manual/1', String.raw`{"payload":"[{\"flowId\":102,\"sku\":\"S2\"}]"}`],
		]);
		const [output] = result.outputs('Patchworks');
		expect(output.map((item) => [item.json.flowId, item.pairedItem])).toEqual([
			[101, [{ item: 0 }]],
			[102, [{ item: 1 }]],
		]);
	});

	it("starts one run with every item when Flow ID is another node's first item", async () => {
		const result = await run({ flowId: "={{ $('Orders').first().json.flowId }}" });

		expect(result.error).toBeUndefined();
		expect(byUrl()).toEqual([
			[
				'/api/v1/flows/101/manual/1',
				String.raw`{"payload":"[{\"flowId\":101,\"sku\":\"S1\"},{\"flowId\":102,\"sku\":\"S2\"}]"}`,
			],
		]);
	});

	it('sends nothing for a missing node, and routes every item to the error output', async () => {
		const result = await run(
			{ flowId: "={{ $('Nowhere').first().json.flowId }}" },
			{ onError: 'continueErrorOutput' },
		);

		expect(standin().requests).toEqual([]);
		const [success, failure] = result.outputs('Patchworks');
		expect(success).toEqual([]);
		const message = (index: number) =>
			`Flow ID could not be resolved for item ${index}: Referenced node doesn't exist: "Nowhere"`;
		expect(failure.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ ...orders[0].json, error: message(0) }, { item: 0 }],
			[{ ...orders[1].json, error: message(1) }, { item: 1 }],
		]);
	});

	it.each([
		['', 'The \'Patchworks\' node has issues:\n- Parameter "Flow" is required.'],
		["={{ '' }}", 'Flow ID is required (item 0)'],
		['={{ $json.none }}', 'Flow ID is required (item 0)'],
	])('refuses an empty Flow ID (%j) as required, sending nothing', async (flowId, message) => {
		const result = await run({ flowId });

		expect(standin().requests).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
	});

	it('runs the deployed version at .../manual for an empty Version; explains a 422', async () => {
		standin().script({
			method: 'POST',
			path: '/api/v1/flows/101/manual',
			status: 422,
			body: { message: 'No deployed version' },
		});
		const result = await run({ flowVersion: '' });

		expect(startPosts(standin()).map((request) => request.url)).toEqual([
			'/api/v1/flows/101/manual',
		]);
		expect(result.error).toMatchObject({
			message: 'Flow 101 has no deployed version (422)',
			description:
				'Patchworks said: No deployed version\nDeploy a version of the flow in Patchworks, or set Version to the version to run.',
			httpCode: '422',
		});
	});
});
