import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../../setup';

const items = [{ json: { sku: 'S1' } }, { json: { sku: 'S2' } }];

describe('Start: input errors', () => {
	const standin = useStandin();

	it.each([
		['flowId', '10$&1', 'Flow ID must be a positive whole number, but item 0 has "10$&1"'],
		['flowId', '-4', 'Flow ID must be a positive whole number, but item 0 has "-4"'],
		['flowId', '={{ $json.none ?? "" }}', 'Flow ID is required (item 0)'],
		[
			'flowVersion',
			'1.5',
			'Version must be a positive whole number or empty, but item 0 has "1.5"',
		],
	])('refuses %s %j before sending anything', async (field, value, message) => {
		const result = await runWorkflow({
			items,
			nodes: [startNode({ [field]: value })],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.error).toMatchObject({ message, context: { itemIndex: 0 } });
	});

	it('leaves an empty Flow ID to n8n, which refuses to run the node', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode({ flowId: '' })],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.error?.message).toBe(
			'The \'Patchworks\' node has issues:\n- Parameter "Flow" is required.',
		);
	});

	it('sends nothing when a later item is bad, even if earlier ones are fine', async () => {
		const result = await runWorkflow({
			items: [{ json: { flow: 101 } }, { json: { flow: 'abc' } }],
			nodes: [startNode({ flowId: '={{ $json.flow }}', dataMapping: 'eachItem' })],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.error?.message).toBe(
			'Flow ID must be a positive whole number, but item 1 has "abc"',
		);
	});

	it('routes a bad item to the error output and still starts the good ones', async () => {
		const result = await runWorkflow({
			items: [{ json: { flow: 101 } }, { json: { flow: 'abc' } }, { json: { flow: 101 } }],
			nodes: [startNode({ flowId: '={{ $json.flow }}' }, { onError: 'continueErrorOutput' })],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin()).map((r) => r.url)).toEqual(['/api/v1/flows/101/manual/1']);
		const [success, failure] = result.outputs('Patchworks');
		expect(success.map((item) => [item.json.itemCount, item.pairedItem])).toEqual([
			[2, [{ item: 0 }, { item: 2 }]],
		]);
		expect(failure.map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{ flow: 'abc', error: 'Flow ID must be a positive whole number, but item 1 has "abc"' },
				{ item: 1 },
			],
		]);
	});

	it('names a missing node in an expression and sends nothing', async () => {
		const result = await runWorkflow({
			items,
			nodes: [
				startNode(
					{ flowId: "={{ $('Nowhere').item.json.flowId }}" },
					{ onError: 'continueErrorOutput' },
				),
			],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		const [success, failure] = result.outputs('Patchworks');
		expect(success).toEqual([]);
		expect(failure.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(failure[0].json.error).toBe(
			'Flow ID could not be resolved for item 0: Referenced node doesn\'t exist: "Nowhere"',
		);
	});

	it('refuses a blank custom payload, naming the item', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode({ dataMapping: 'custom', customPayload: '={{ $json.missing ?? "" }}' })],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.error?.message).toBe('Payload is empty for item 0');
	});
});

describe('Start: API errors', () => {
	const standin = useStandin();

	async function startAndFail(parameters: INodeParameters = {}) {
		const result = await runWorkflow({
			items,
			nodes: [startNode(parameters)],
			credentials: credentialFor(standin()),
		});
		expect(startPosts(standin())).toHaveLength(1);
		return result.error as unknown as { message: string; description: string; httpCode: string };
	}

	it('explains an unknown flow (404)', async () => {
		expect(await startAndFail({ flowId: '999' })).toMatchObject({
			message: 'Patchworks found no flow 999 version 1 (404)',
			httpCode: '404',
		});
	});

	it('explains a flow with no deployed version (422)', async () => {
		const error = await startAndFail({ flowId: '103', flowVersion: '' });
		expect(startPosts(standin())[0].url).toBe('/api/v1/flows/103/manual');
		expect(error).toMatchObject({
			message: 'Flow 103 has no deployed version (422)',
			httpCode: '422',
			description:
				'Patchworks said: No deployed version\nDeploy a version of the flow in Patchworks, or set Version to the version to run.',
		});
	});

	it('explains rate limiting with the seconds Patchworks asks for', async () => {
		standin().script({
			method: 'POST',
			status: 429,
			body: { message: 'Too Many Attempts.' },
			headers: { 'Retry-After': '2' },
		});
		expect(await startAndFail({ options: { maxRetries: 0 } })).toMatchObject({
			message: 'Patchworks is limiting requests (429): retry after 2 seconds',
			httpCode: '429',
		});
	});

	it.each([500, 502, 503, 504])(
		'fails on %i without resending, saying the run may have started',
		async (status) => {
			standin().script({ method: 'POST', status, body: { message: 'Server Error' } });
			const error = await startAndFail({ options: { maxRetries: 0 } });
			expect(error.message).toBe(`Patchworks had a server error (${status})`);
			expect(error.description).toContain('The run may have started');
		},
	);

	it('fails when a 200 reply holds no run id', async () => {
		standin().script({ method: 'POST', status: 200, rawBody: '{}' });
		const error = await startAndFail();
		expect(error.message).toBe('Patchworks replied to flow 101 version 1 with no flow run id');
		expect(error.description).toContain('Reply: {}');
	});

	it('fails when a 200 reply is empty', async () => {
		standin().script({ method: 'POST', status: 200, rawBody: '' });
		expect((await startAndFail()).description).toContain('Reply: (empty)');
	});

	it('names the timeout, and says the run may have started', async () => {
		standin().script({ method: 'POST', status: 200, body: { flow_run_id: 1 }, delayMs: 1500 });
		const began = Date.now();
		const error = await startAndFail({ options: { timeout: 300 } });
		expect(Date.now() - began).toBeLessThan(1400);
		expect(error.message).toBe('No reply from Patchworks within the timeout of 300 ms');
		expect(error.description).toContain('The run may have started');
	});

	it('puts every item of a failed run on the error output, paired', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode({ flowId: '999' }, { onError: 'continueErrorOutput' })],
			credentials: credentialFor(standin()),
		});

		const [success, failure] = result.outputs('Patchworks');
		expect(success).toEqual([]);
		const message = 'Patchworks found no flow 999 version 1 (404)';
		expect(failure).toEqual([
			{ json: { sku: 'S1', error: message }, pairedItem: { item: 0 } },
			{ json: { sku: 'S2', error: message }, pairedItem: { item: 1 } },
		]);
	});

	it('keeps failed items on the main output with Continue (using regular output)', async () => {
		const result = await runWorkflow({
			items: items.slice(0, 1),
			nodes: [startNode({ flowId: '999' }, { onError: 'continueRegularOutput' })],
			credentials: credentialFor(standin()),
		});

		expect(result.outputs('Patchworks')[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[{ error: 'Patchworks found no flow 999 version 1 (404)' }, { item: 0 }],
		]);
	});
});
