import { runWorkflow } from '../../../../helpers/engine';
import { bodyOf, credentialFor, startNode, startPosts, useStandin } from '../../setup';

const orders = [
	{
		json: {
			orderNumber: 'SO-1001',
			email: 'ana@example.com',
			total: 42.5,
			lines: [{ sku: 'S1', qty: 2 }],
		},
	},
	{ json: { orderNumber: 'SO-1002', email: 'ben@example.com', total: 10, lines: [] } },
	{ json: { orderNumber: 'SO-1003', email: 'cy@example.com', total: 0.1, note: 'gift' } },
];

describe('Start: data mapping', () => {
	const standin = useStandin();

	it('sends all items as one payload string in one run, paired with every item', async () => {
		const result = await runWorkflow({
			items: orders,
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(result.error).toBeUndefined();
		const [request] = startPosts(standin());
		expect(startPosts(standin())).toHaveLength(1);
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/api/v1/flows/101/manual/1');
		expect(request.headers.authorization).toBe('test-key-123');
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers.accept).toBe('application/json');
		const payload = JSON.stringify(orders.map((o) => o.json));
		expect(request.text).toBe(bodyOf(orders.map((o) => o.json)));
		expect(result.outputs('Patchworks')).toEqual([
			[
				{
					json: {
						flowRunId: standin().runs[0].id,
						flowId: 101,
						flowVersion: 1,
						itemCount: 3,
						payloadBytes: Buffer.byteLength(payload),
						part: 1,
						partCount: 1,
						message: 'Flow initialised.',
					},
					pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
				},
			],
		]);
		expect(standin().runs[0].payload).toBe(payload);
	});

	it('starts one run per item with that item as the payload', async () => {
		const result = await runWorkflow({
			items: orders.slice(0, 2),
			nodes: [startNode({ dataMapping: 'eachItem' })],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin()).map((r) => r.text)).toEqual([
			bodyOf(orders[0].json),
			bodyOf(orders[1].json),
		]);
		const [output] = result.outputs('Patchworks');
		expect(
			output.map((item) => [item.json.flowRunId, item.json.itemCount, item.pairedItem]),
		).toEqual([
			[standin().runs[0].id, 1, [{ item: 0 }]],
			[standin().runs[1].id, 1, [{ item: 1 }]],
		]);
	});

	it('sends a custom payload unchanged, evaluated per item', async () => {
		await runWorkflow({
			items: orders.slice(0, 2),
			nodes: [
				startNode({
					dataMapping: 'custom',
					customPayload: '=<order number="{{ $json.orderNumber }}">{{ $json.total }}</order>',
				}),
			],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin()).map((r) => JSON.parse(r.text))).toEqual([
			{ payload: '<order number="SO-1001">42.5</order>' },
			{ payload: '<order number="SO-1002">10</order>' },
		]);
	});

	it('sends only the selected fields, or all but the excluded ones', async () => {
		const credentials = credentialFor(standin());
		await runWorkflow({
			items: orders,
			nodes: [startNode({ fieldsToSend: 'selected', fieldNames: 'orderNumber, total' })],
			credentials,
		});
		await runWorkflow({
			items: orders.slice(2),
			nodes: [startNode({ fieldsToSend: 'except', fieldNames: 'lines,email' })],
			credentials,
		});

		expect(startPosts(standin()).map((r) => r.text)).toEqual([
			bodyOf([
				{ orderNumber: 'SO-1001', total: 42.5 },
				{ orderNumber: 'SO-1002', total: 10 },
				{ orderNumber: 'SO-1003', total: 0.1 },
			]),
			bodyOf([{ orderNumber: 'SO-1003', total: 0.1, note: 'gift' }]),
		]);
	});

	it('runs the deployed version when Version is empty', async () => {
		const result = await runWorkflow({
			items: orders.slice(0, 1),
			nodes: [startNode({ flowVersion: '' })],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin()).map((r) => r.url)).toEqual(['/api/v1/flows/101/manual']);
		expect(result.outputs('Patchworks')[0][0].json.flowVersion).toBeNull();
	});

	it('groups items by their own flow and version, in order of first appearance', async () => {
		const items = [
			{ json: { flowId: 102, sku: 'A' } },
			{ json: { flowId: 101, sku: 'B' } },
			{ json: { flowId: '102', sku: 'C' } },
		];
		const result = await runWorkflow({
			items,
			nodes: [startNode({ flowId: '={{ $json.flowId }}' })],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin()).map((r) => [r.url, r.text])).toEqual([
			['/api/v1/flows/102/manual/1', bodyOf([items[0].json, items[2].json])],
			['/api/v1/flows/101/manual/1', bodyOf([items[1].json])],
		]);
		expect(result.outputs('Patchworks')[0].map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 2 }],
			[{ item: 1 }],
		]);
	});

	it('sends nothing and outputs nothing when no items come in', async () => {
		const result = await runWorkflow({
			items: [],
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.error).toBeUndefined();
		expect(result.outputs('Patchworks')).toEqual([]);
	});

	it('leaves binary data out of the payload and says so in a hint', async () => {
		const result = await runWorkflow({
			items: [
				{
					json: { name: 'invoice-1' },
					binary: {
						data: {
							data: Buffer.from('%PDF-1.4').toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'invoice-1.pdf',
						},
					},
				},
			],
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin()).map((r) => r.text)).toEqual([bodyOf([{ name: 'invoice-1' }])]);
		expect(result.hints('Patchworks')).toEqual([
			{
				message: 'Binary data on the input items was not sent: the payload holds only their JSON',
				location: 'outputPane',
			},
		]);
	});
});
