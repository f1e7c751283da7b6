import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { useFilesystemBinaryData } from './binary-data';
import { runWorkflow } from './engine';
import { createProbePackage } from './probe-package';
import { startTestServer, type TestServer } from './test-server';

// In its own file: filesystem mode stays on for the rest of the file once switched on.
let packageDir: string;
let storagePath: string;
let server: TestServer;

beforeAll(async () => {
	packageDir = createProbePackage();
	storagePath = mkdtempSync(path.join(tmpdir(), 'n8n-binary-'));
	await useFilesystemBinaryData(storagePath);
	server = await startTestServer(() => ({ status: 200, body: { ok: true } }));
});

afterAll(async () => {
	await server.close();
	rmSync(packageDir, { recursive: true, force: true });
	rmSync(storagePath, { recursive: true, force: true });
});

describe('binary data in filesystem mode', () => {
	it('stores the fixture binary on disk and lets the node read it back', async () => {
		const result = await runWorkflow({
			packageDir,
			credentialType: 'probeKeyApi',
			items: [
				{
					json: { orderId: 'a' },
					binary: {
						data: {
							data: Buffer.from('hello').toString('base64'),
							mimeType: 'text/plain',
							fileName: 'a.txt',
						},
					},
				},
			],
			nodes: [{ name: 'Probe', parameters: { credentialType: 'probeKeyApi', sendBinary: true } }],
			credentials: { baseUrl: server.url, apiKey: 'k' },
		});

		expect(result.error).toBeUndefined();
		const [[order]] = result.outputs('Orders');
		expect(order.binary?.data).toMatchObject({
			id: expect.stringMatching(/^filesystem-v2:/),
			data: 'filesystem-v2',
			fileName: 'a.txt',
			bytes: 5,
		});
		expect(readdirSync(storagePath, { recursive: true }).length).toBeGreaterThan(0);
		expect(JSON.parse(server.requests[0].body)).toEqual({
			item: { orderId: 'a' },
			binary: 'hello',
		});
	});
});
