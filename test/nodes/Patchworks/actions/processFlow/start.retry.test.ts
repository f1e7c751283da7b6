import { runWorkflow } from '../../../../helpers/engine';
import { startStandin } from '../../../../standin';
import { credentialFor, startNode, startPosts, useStandin } from '../../setup';

const items = [1, 2, 3, 4, 5].map((n) => ({ json: { n } }));
const statuses = (posts: Array<{ replyStatus: number | null }>) => posts.map((r) => r.replyStatus);

describe('Start: pacing and retries', () => {
	const standin = useStandin();
	const start = (options: Record<string, number>, parameters = {}) =>
		runWorkflow({
			items,
			nodes: [startNode({ dataMapping: 'eachItem', ...parameters, options })],
			credentials: credentialFor(standin()),
		});

	it('spaces every request to Max Requests per Minute, even with several in flight', async () => {
		// A first execution loads n8n's request machinery, which would delay only the first request.
		await start({ maxRequestsPerMinute: 6000 });
		standin().reset();
		await start({ maxRequestsPerMinute: 600, maxConcurrency: 3 });

		const times = startPosts(standin()).map((r) => r.receivedAt);
		expect(times).toHaveLength(5);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		// 600 a minute is one every 100 ms, as the stand-in sees the requests arrive.
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(100);
	});

	it('resends after a 429, waiting as long as Retry-After says', async () => {
		standin().script({
			method: 'POST',
			status: 429,
			headers: { 'Retry-After': '1' },
			body: { message: 'Too Many Attempts.' },
		});
		const result = await start({ maxRetries: 3 }, { dataMapping: 'allItems' });

		const posts = startPosts(standin());
		expect(statuses(posts)).toEqual([429, 200]);
		expect(posts[1].receivedAt - posts[0].receivedAt).toBeGreaterThanOrEqual(990);
		expect(result.outputs('Patchworks')[0].map((o) => o.json.flowRunId)).toEqual([
			standin().runs[0].id,
		]);
	});

	it('resends after a 503 with backoff, up to Max Retries, then fails', async () => {
		standin().script({
			method: 'POST',
			status: 503,
			times: 3,
			body: { message: 'Service Unavailable' },
		});
		const result = await start({ maxRetries: 2 }, { dataMapping: 'allItems' });

		expect(statuses(startPosts(standin()))).toEqual([503, 503, 503]);
		expect(result.error).toMatchObject({
			message: 'Patchworks had a server error (503)',
			httpCode: '503',
		});
		expect((result.error as unknown as { description: string }).description).toContain(
			'Sent 3 times',
		);
	});

	it.each([500, 502, 504])('never resends after a %i', async (status) => {
		standin().script({ method: 'POST', status, body: { message: 'Oops' } });
		const result = await start({ maxRetries: 3 }, { dataMapping: 'allItems' });

		expect(statuses(startPosts(standin()))).toEqual([status]);
		expect((result.error as unknown as { description: string }).description).toContain(
			'The run may have started',
		);
	});

	it('never resends after a timeout', async () => {
		standin().script({ method: 'POST', status: 200, body: { flow_run_id: 5 }, delayMs: 800 });
		const result = await start({ maxRetries: 3, timeout: 200 }, { dataMapping: 'allItems' });

		expect(startPosts(standin())).toHaveLength(1);
		expect(result.error?.message).toBe('No reply from Patchworks within the timeout of 200 ms');
	});

	it('never resends when the connection is lost after sending', async () => {
		standin().script({ method: 'POST', status: 200, destroySocket: true });
		const result = await start({ maxRetries: 3 }, { dataMapping: 'allItems' });

		expect(startPosts(standin())).toHaveLength(1);
		expect((result.error as unknown as { description: string }).description).toContain(
			'The run may have started',
		);
	});

	it('fails a 429 at once with retries off, naming the wait', async () => {
		standin().script({ method: 'POST', status: 429, headers: { 'Retry-After': '2' }, body: {} });
		const result = await start({ maxRetries: 0 }, { dataMapping: 'allItems' });

		expect(statuses(startPosts(standin()))).toEqual([429]);
		expect(result.error?.message).toBe(
			'Patchworks is limiting requests (429): retry after 2 seconds',
		);
	});

	it('retries a refused connection, which cannot have started a run', async () => {
		const closed = await startStandin();
		const { url } = closed;
		await closed.close();
		const began = Date.now();
		const result = await runWorkflow({
			items,
			nodes: [startNode({ options: { maxRetries: 1 } })],
			credentials: { ...credentialFor(standin()), startUrl: url },
		});

		expect(Date.now() - began).toBeGreaterThanOrEqual(480);
		expect(result.error).toMatchObject({
			message: `Could not connect to ${new URL(url).host} (ECONNREFUSED)`,
		});
		expect((result.error as unknown as { description: string }).description).toContain(
			'Sent 2 times',
		);
	});
});

describe('Start: n8n’s Retry On Fail', () => {
	const standin = useStandin();

	it('does not start again a run this node already started in the execution', async () => {
		// Flow 101's run succeeds; flow 102's first request fails, so n8n runs the node again.
		standin().script({ method: 'POST', path: '/api/v1/flows/102/manual/1', status: 500, body: {} });
		const result = await runWorkflow({
			items: [{ json: { flow: 101 } }, { json: { flow: 102 } }],
			nodes: [
				startNode(
					{ flowId: '={{ $json.flow }}', options: { maxConcurrency: 1 } },
					{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
				),
			],
			credentials: credentialFor(standin()),
		});

		expect(result.error).toBeUndefined();
		expect(startPosts(standin()).map((r) => `${r.url} ${r.replyStatus}`)).toEqual([
			'/api/v1/flows/101/manual/1 200',
			'/api/v1/flows/102/manual/1 500',
			'/api/v1/flows/102/manual/1 200',
		]);
		expect(standin().runs.map((r) => r.flowId)).toEqual([101, 102]);
		const [output] = result.outputs('Patchworks');
		expect(
			output.map((o) => [o.json.flowId, o.json.flowRunId, o.json.startedEarlier, o.pairedItem]),
		).toEqual([
			[101, standin().runs[0].id, true, [{ item: 0 }]],
			[102, standin().runs[1].id, undefined, [{ item: 1 }]],
		]);
	});

	it('starts runs again in a new execution', async () => {
		const credentials = credentialFor(standin());
		const run = () => runWorkflow({ items: items.slice(0, 1), nodes: [startNode()], credentials });
		await run();
		await run();
		expect(standin().runs).toHaveLength(2);
	});
});
