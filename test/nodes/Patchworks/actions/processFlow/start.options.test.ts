import { runWorkflow } from '../../../../helpers/engine';
import { bodyOf, credentialFor, startNode, startPosts, useStandin } from '../../setup';

const items = [{ json: { sku: 'S1', qty: 2 } }, { json: { sku: 'S2', qty: 1 } }];
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('Start: flow and version pickers', () => {
	const standin = useStandin();
	const urls = () => startPosts(standin()).map((r) => r.url);
	const start = (flowId: unknown, flowVersion: unknown) =>
		runWorkflow({
			items: items.slice(0, 1),
			nodes: [startNode({ flowId, flowVersion } as never)],
			credentials: credentialFor(standin()),
		});

	it.each([
		['a flow from the list', rl('list', '102'), '/api/v1/flows/102/manual/1'],
		['a flow by ID', rl('id', ' 101 '), '/api/v1/flows/101/manual/1'],
		[
			'a flow by dashboard URL',
			rl('url', 'https://app.wearepatchworks.com/process-flows/102'),
			'/api/v1/flows/102/manual/1',
		],
		['a flow ID saved as plain text by an older version', '101', '/api/v1/flows/101/manual/1'],
	])('starts %s', async (_, flowId, url) => {
		const result = await start(flowId, rl('id', '1'));
		expect(result.error).toBeUndefined();
		expect(urls()).toEqual([url]);
	});

	it.each([
		['Deployed Version from the list', rl('list', 'deployed'), '/api/v1/flows/101/manual', null],
		['an empty version ID', rl('id', ''), '/api/v1/flows/101/manual', null],
		['a version from the list', rl('list', '2'), '/api/v1/flows/101/manual/2', 2],
		['a version ID saved as plain text', '2', '/api/v1/flows/101/manual/2', 2],
	])('runs %s', async (_, flowVersion, url, outputVersion) => {
		const result = await start(rl('list', '101'), flowVersion);
		expect(urls()).toEqual([url]);
		expect(result.outputs('Patchworks')[0][0].json.flowVersion).toBe(outputVersion);
	});

	it('resolves a picker holding an expression per item', async () => {
		await runWorkflow({
			items: [{ json: { flow: 102 } }, { json: { flow: 101 } }],
			nodes: [startNode({ flowId: rl('id', '={{ $json.flow }}') } as never)],
			credentials: credentialFor(standin()),
		});
		expect(urls()).toEqual(['/api/v1/flows/102/manual/1', '/api/v1/flows/101/manual/1']);
	});
});

describe('Start: payload format, virtual environment and flow variables', () => {
	const standin = useStandin();

	it('sends Raw JSON as the body itself, to the /raw endpoint', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode({ payloadFormat: 'raw' })],
			credentials: credentialFor(standin()),
		});

		const [post] = startPosts(standin());
		expect(post.url).toBe('/api/v1/flows/101/manual/raw/1');
		expect(post.text).toBe(JSON.stringify(items.map((i) => i.json)));
		expect(result.outputs('Patchworks')[0][0].json.payloadBytes).toBe(post.body.length);
	});

	it('sends one item per run as Raw JSON', async () => {
		await runWorkflow({
			items,
			nodes: [startNode({ payloadFormat: 'raw', dataMapping: 'eachItem', flowVersion: '' })],
			credentials: credentialFor(standin()),
		});
		expect(startPosts(standin()).map((r) => [r.url, r.text])).toEqual([
			['/api/v1/flows/101/manual/raw', JSON.stringify(items[0].json)],
			['/api/v1/flows/101/manual/raw', JSON.stringify(items[1].json)],
		]);
	});

	it('refuses a custom payload that is not JSON as Raw JSON, before sending', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode({ payloadFormat: 'raw', dataMapping: 'custom', customPayload: '<xml/>' })],
			credentials: credentialFor(standin()),
		});
		expect(standin().requests).toEqual([]);
		expect(result.error?.message).toBe('Payload of item 0 is not JSON');
	});

	it('passes the virtual environment and flow variables as query parameters', async () => {
		await runWorkflow({
			items: items.slice(0, 1),
			nodes: [
				startNode({
					options: {
						virtualEnvironmentId: '12',
						flowVariables: {
							variable: [
								{ name: 'region', value: 'eu' },
								{ name: 'dry_run', value: 'true' },
							],
						},
					},
				}),
			],
			credentials: credentialFor(standin()),
		});

		const [post] = startPosts(standin());
		expect(post.path).toBe('/api/v1/flows/101/manual/1');
		expect([...post.query.entries()]).toEqual([
			['virtual_environment_id', '12'],
			['flow_variables', '{"region":"eu","dry_run":"true"}'],
		]);
		expect(post.text).toBe(bodyOf([items[0].json]));
	});
});
