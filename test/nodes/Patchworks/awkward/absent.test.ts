import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { useFilesystemBinaryData } from '../../../helpers/binary-data';
import { runWorkflow } from '../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../setup';

// In its own file: n8n's binary data stays in filesystem mode for the rest of the file.
let storagePath: string;

beforeAll(async () => {
	storagePath = mkdtempSync(path.join(tmpdir(), 'n8n-binary-'));
	await useFilesystemBinaryData(storagePath);
});

afterAll(() => rmSync(storagePath, { recursive: true, force: true }));

const noRunId =
	'Patchworks accepted the request but its reply held no flow run id (looked for flow_run_id, flowRunId, run_id, id).';
const mayHaveStarted = 'The run may have started: check the flow’s run logs in Patchworks.';

describe('Awkward absences: binary data, no items, empty items and empty replies', () => {
	const standin = useStandin();

	it('never sends binary data kept on disk, and says it left it out', async () => {
		const result = await runWorkflow({
			items: [
				{
					json: { name: 'invoice-1' },
					binary: {
						data: {
							data: Buffer.from('%PDF-1.4 invoice').toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'invoice-1.pdf',
						},
					},
				},
			],
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		// The item reaches the node with a storage reference in place of the bytes.
		const [[stored]] = result.outputs('Orders');
		expect(stored.binary?.data).toMatchObject({
			id: expect.stringMatching(/^filesystem-v2:/),
			data: 'filesystem-v2',
		});
		expect(startPosts(standin()).map((request) => request.text)).toEqual([
			String.raw`{"payload":"[{\"name\":\"invoice-1\"}]"}`,
		]);
		expect(result.hints('Patchworks')).toEqual([
			{
				message: 'Binary data on the input items was not sent: the payload holds only their JSON',
				location: 'outputPane',
			},
		]);
	});

	it('sends nothing, outputs nothing and fails nothing for zero items', async () => {
		const result = await runWorkflow({
			items: [],
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.outputs('Patchworks')).toEqual([]);
		// n8n does not run a node whose input is empty, the fixture node included.
		expect(result.runData).toEqual({});
	});

	it('sends one empty item as [{}]', async () => {
		const result = await runWorkflow({
			items: [{ json: {} }],
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(result.error).toBeUndefined();
		expect(startPosts(standin()).map((request) => request.text)).toEqual([
			String.raw`{"payload":"[{}]"}`,
		]);
	});

	it.each([
		['{}', 'Reply: {}'],
		['', 'Reply: (empty)'],
	])('fails when a 200 reply is %j: it holds no flow run id', async (rawBody, shown) => {
		standin().script({ method: 'POST', status: 200, rawBody });
		const result = await runWorkflow({
			items: [{ json: { sku: 'S1' } }],
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(startPosts(standin())).toHaveLength(1);
		expect(result.error).toMatchObject({
			message: 'Patchworks replied to flow 101 version 1 with no flow run id',
			description: `${noRunId} ${shown}\n${mayHaveStarted}`,
		});
		expect(result.outputs('Patchworks')).toEqual([]);
	});
});
