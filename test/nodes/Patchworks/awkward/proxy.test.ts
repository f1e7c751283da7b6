import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import type { INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from '../../../helpers/engine';
import { type RecordingProxy, startRecordingProxy } from '../../../helpers/proxy';
import { createLocalCertificates, type LocalCertificates } from '../../../helpers/tls';
import { type Standin, startStandin } from '../../../standin';
import { credentialFor, startNode } from '../setup';
import { testCredential } from './credential-test';
import type { ChildReport } from './trusted-ca.child';

// n8n-core routes requests through HTTPS_PROXY (read per request, with NO_PROXY) and trusts
// only the CAs Node.js was started with. The stand-in serves https with a certificate from
// a CA made here, which nothing trusts unless a process starts with NODE_EXTRA_CA_CERTS.
let certs: LocalCertificates;
let proxy: RecordingProxy;
let standin: Standin;
const PROXY_VARIABLES = [
	...['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'],
	...['NO_PROXY', 'no_proxy', 'npm_config_proxy', 'npm_config_https_proxy'],
	'npm_config_no_proxy',
];
const saved = PROXY_VARIABLES.map((name) => [name, process.env[name]] as const);

beforeAll(async () => {
	certs = createLocalCertificates();
	proxy = await startRecordingProxy();
	standin = await startStandin({ tls: { key: certs.key, cert: certs.cert } });
});

beforeEach(() => {
	standin.reset();
	proxy.connects.length = 0;
	// proxy-from-env also reads npm's settings, which `npm test` passes on as variables.
	for (const name of PROXY_VARIABLES) delete process.env[name];
});

afterAll(async () => {
	for (const [name, value] of saved) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	await standin.close();
	await proxy.close();
	certs.remove();
});

const items = [{ json: { sku: 'S1' } }];
const host = () => new URL(standin.url).host;
const untrusted = () => ({
	message: `The TLS certificate of ${host()} was not accepted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`,
	description:
		'Trust the certificate’s authority on the n8n host (for example with NODE_EXTRA_CA_CERTS).',
});

async function runInChild(env: NodeJS.ProcessEnv): Promise<ChildReport> {
	const child = path.join(__dirname, 'trusted-ca.child.ts');
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['--require', require.resolve('tsx/cjs'), child, JSON.stringify(credentialFor(standin))],
		{ env: { ...process.env, ...env }, timeout: 20_000 },
	);
	return JSON.parse(stdout) as ChildReport;
}

describe('Awkward network: proxies and certificates', () => {
	it('names the certificate problem when the stand-in’s CA is not trusted', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode()],
			credentials: credentialFor(standin),
		});

		expect(standin.requests).toEqual([]);
		expect(result.error).toMatchObject(untrusted());
	});

	it('tunnels the run and the credential test through HTTPS_PROXY, TLS end to end', async () => {
		process.env.HTTPS_PROXY = proxy.url;
		const result = await runWorkflow({
			items,
			nodes: [startNode()],
			credentials: credentialFor(standin),
		});
		const test = await testCredential(credentialFor(standin));

		expect(proxy.connects).toEqual([host(), host()]);
		expect(proxy.plain).toEqual([]);
		// The proxy only relays bytes: the certificate is still checked against the stand-in.
		expect(result.error).toMatchObject(untrusted());
		expect(test).toEqual({ status: 'Error', message: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
	});

	it('goes straight to a host named in NO_PROXY', async () => {
		process.env.HTTPS_PROXY = proxy.url;
		process.env.NO_PROXY = '127.0.0.1';
		await runWorkflow({ items, nodes: [startNode()], credentials: credentialFor(standin) });

		expect(proxy.connects).toEqual([]);
	});

	it('succeeds through the proxy once the CA is trusted as NODE_EXTRA_CA_CERTS does', async () => {
		const report = await runInChild({
			HTTPS_PROXY: proxy.url,
			NODE_EXTRA_CA_CERTS: certs.caPath,
		});

		expect(report.error).toBeNull();
		expect(report.credentialTest).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(proxy.connects).toEqual([host(), host()]);
		expect(standin.requests.map((r) => `${r.method} ${r.url} ${r.replyStatus}`)).toEqual([
			'POST /api/v1/flows/101/manual/1 200',
			'GET /api/v1/flows?per_page=1 200',
		]);
		const [output] = report.output as INodeExecutionData[][];
		expect(output.map((item) => [item.json.flowRunId, item.pairedItem])).toEqual([
			[standin.runs[0].id, [{ item: 0 }]],
		]);
	}, 30_000);
});
