import { runWorkflow } from '../../../../helpers/engine';
import { bodyOf, credentialFor, startNode, startPosts, useStandin } from '../../setup';

const MB = 1024 * 1024;
// Ten items of 100 bytes of JSON each: 106 once escaped inside the payload string.
const items = Array.from({ length: 10 }, (_, n) => ({ json: { n, pad: 'x'.repeat(84) } }));
const ESCAPED = 106;
const wrapped = (count: number) => 14 + 2 + count * ESCAPED + (count - 1);

describe('Start: splitting into runs Patchworks accepts', () => {
	const standin = useStandin();
	const run = (options: Record<string, number>, onError?: 'continueErrorOutput') =>
		runWorkflow({
			items,
			nodes: [
				startNode({ options: { maxConcurrency: 1, ...options } }, onError ? { onError } : {}),
			],
			credentials: credentialFor(standin()),
		});

	it('cuts at Max Payload Size, each body within it, order and pairing kept', async () => {
		expect(JSON.stringify(JSON.stringify(items[0].json))).toHaveLength(ESCAPED + 2);
		// Room for exactly four items per request.
		const result = await run({ maxPayloadSize: wrapped(4) / MB });

		const posts = startPosts(standin());
		expect(posts.map((r) => r.body.length)).toEqual([wrapped(4), wrapped(4), wrapped(2)]);
		expect(posts.map((r) => r.text)).toEqual([
			bodyOf(items.slice(0, 4).map((i) => i.json)),
			bodyOf(items.slice(4, 8).map((i) => i.json)),
			bodyOf(items.slice(8).map((i) => i.json)),
		]);
		expect(
			result
				.outputs('Patchworks')[0]
				.map((o) => [o.json.part, o.json.partCount, o.json.itemCount, o.pairedItem]),
		).toEqual([
			[1, 3, 4, [0, 1, 2, 3].map((item) => ({ item }))],
			[2, 3, 4, [4, 5, 6, 7].map((item) => ({ item }))],
			[3, 3, 2, [8, 9].map((item) => ({ item }))],
		]);
		expect(result.outputs('Patchworks')[0].map((o) => o.json.flowRunId)).toEqual(
			standin().runs.map((r) => r.id),
		);
	});

	it('cuts one byte lower into smaller runs', async () => {
		await run({ maxPayloadSize: (wrapped(4) - 1) / MB });
		expect(startPosts(standin()).map((r) => r.body.length)).toEqual([
			wrapped(3),
			wrapped(3),
			wrapped(3),
			wrapped(1),
		]);
	});

	it('cuts at Max Items per Run', async () => {
		const result = await run({ maxItemsPerRun: 3 });
		expect(result.hints('Patchworks')).toEqual([
			{
				message:
					'The items were split into 4 runs so that each request stays within Max Payload Size (8.00 MB) and Max Items per Run (3)',
				location: 'outputPane',
			},
		]);
		expect(startPosts(standin()).map((r) => JSON.parse(JSON.parse(r.text).payload).length)).toEqual(
			[3, 3, 3, 1],
		);
		expect(result.outputs('Patchworks')[0].map((o) => o.json.partCount)).toEqual([4, 4, 4, 4]);
	});

	it('refuses an item too large to send alone, naming it, and sends nothing', async () => {
		const result = await runWorkflow({
			items: [items[0], { json: { big: 'y'.repeat(300) } }, items[1]],
			nodes: [startNode({ options: { maxPayloadSize: 200 / MB } })],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.error).toMatchObject({
			message: 'Item 1 needs a request of 330 bytes, more than Max Payload Size (200 bytes)',
			context: { itemIndex: 1 },
		});
	});

	it('sends the others and puts only the oversized item on the error output', async () => {
		const result = await runWorkflow({
			items: [items[0], { json: { big: 'y'.repeat(300) } }, items[1]],
			nodes: [
				startNode({ options: { maxPayloadSize: 300 / MB } }, { onError: 'continueErrorOutput' }),
			],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin()).map((r) => r.text)).toEqual([
			bodyOf([items[0].json, items[1].json]),
		]);
		const [success, failure] = result.outputs('Patchworks');
		expect(success.map((o) => o.pairedItem)).toEqual([[{ item: 0 }, { item: 2 }]]);
		expect(failure).toEqual([
			{
				json: {
					big: 'y'.repeat(300),
					error: 'Item 1 needs a request of 330 bytes, more than Max Payload Size (300 bytes)',
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('gets past the stand-in’s 8 MB limit by default where one request would not', async () => {
		const record = (n: number) => ({ json: { id: n, text: 'z'.repeat(1000) } });
		const many = Array.from({ length: 9000 }, (_, n) => record(n));
		const result = await runWorkflow({
			items: many,
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(result.error).toBeUndefined();
		const posts = startPosts(standin());
		expect(posts.map((r) => r.replyStatus)).toEqual([200, 200]);
		expect(posts.every((r) => r.body.length <= 8 * MB)).toBe(true);
		const sent = posts.flatMap((r) => JSON.parse(JSON.parse(r.text).payload));
		expect(sent).toEqual(many.map((i) => i.json));
	});
});
