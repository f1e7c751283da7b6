import type { IHttpRequestOptions, INodeParameters } from 'n8n-workflow';

import { TestCredentialsHelper } from '../../../helpers/credentials-helper';
import { runWorkflow } from '../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../setup';

const items = [{ json: { sku: 'S1' } }];

describe('Awkward network: rate limits', () => {
	const standin = useStandin({ rateLimit: { perMinute: 1, retryAfterSeconds: 2 } });

	it('says Patchworks is limiting requests, and for how many seconds', async () => {
		const credentials = credentialFor(standin());
		// No retries left, so the 429 itself is what the user reads.
		const node = startNode({ options: { maxRetries: 0 } });
		const first = await runWorkflow({ items, nodes: [node], credentials });
		const second = await runWorkflow({ items, nodes: [node], credentials });

		expect(first.error).toBeUndefined();
		expect(startPosts(standin()).map((request) => request.replyStatus)).toEqual([200, 429]);
		expect(second.error).toMatchObject({
			message: 'Patchworks is limiting requests (429): retry after 2 seconds',
			description:
				'Patchworks said: Too Many Attempts.\nToo many requests in a short time. Slow the workflow down, or retry later.',
			httpCode: '429',
		});
	});
});

describe('Awkward network: timeouts', () => {
	const standin = useStandin();

	async function timedRun(parameters: INodeParameters) {
		standin().script({ method: 'POST', status: 200, body: { flow_run_id: 7 }, delayMs: 3000 });
		const began = Date.now();
		const result = await runWorkflow({
			items,
			nodes: [startNode(parameters)],
			credentials: credentialFor(standin()),
		});
		return { result, ms: Date.now() - began };
	}

	it('fails within 2 s at a 1 s timeout, saying the run may have started', async () => {
		const { result, ms } = await timedRun({ options: { timeout: 1000 } });

		expect(ms).toBeLessThan(2000);
		expect(startPosts(standin())).toHaveLength(1);
		expect(result.error).toMatchObject({
			message: 'No reply from Patchworks within the timeout of 1000 ms',
			description:
				'The run may have started: check the flow’s run logs in Patchworks before running this again. Raise Timeout in the node’s options if Patchworks is slow.',
		});
	});

	it('waits for a slow reply with a 5 s timeout', async () => {
		const { result, ms } = await timedRun({ options: { timeout: 5000 } });

		expect(ms).toBeGreaterThanOrEqual(3000);
		expect(result.error).toBeUndefined();
		expect(result.outputs('Patchworks')[0].map((item) => item.json.flowRunId)).toEqual(['7']);
	});

	it('gives every request a finite timeout of 60 s when none is set', async () => {
		// The options n8n authenticates are the ones it sends: the node's own request options.
		const authenticate = jest.spyOn(TestCredentialsHelper.prototype, 'authenticate');
		try {
			const result = await runWorkflow({
				items,
				nodes: [startNode()],
				credentials: credentialFor(standin()),
			});

			expect(result.error).toBeUndefined();
			const sent = authenticate.mock.calls.map(([, , options]) => options as IHttpRequestOptions);
			expect(sent.map((options) => [options.url, options.timeout])).toEqual([
				[`${standin().url}/api/v1/flows/101/manual/1`, 60_000],
			]);
		} finally {
			authenticate.mockRestore();
		}
	});
});
