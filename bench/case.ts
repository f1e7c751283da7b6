// One measurement in a fresh process: `tsx bench/case.ts <case> <records> <stand-in url> <n8n dir>`.
// Prints {"ms": …, "peakBytes": …} on its last line.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';

import { runWorkflow } from '../test/helpers/engine';
import { loadHttpRequestNode } from './http-request-node';
import { makeRecords } from './records';

type Items = ReturnType<typeof makeRecords>;

const [caseName, countText, url, n8nDir] = process.argv.slice(2);
const credentials = {
	authentication: 'apiKey',
	apiKey: 'test-key-123',
	environment: 'custom',
	startUrl: url,
	coreUrl: url,
	loginUrl: `${url}/fabric/api/login`,
};

function rssKb(field: 'VmRSS' | 'VmHWM'): number {
	const line = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
	return Number(line?.[1] ?? 0);
}

function resetPeak() {
	// Writing 5 to clear_refs resets VmHWM to the current RSS (Linux).
	try {
		require('node:fs').writeFileSync('/proc/self/clear_refs', '5');
	} catch {
		// Without it the peak includes start-up; still the same for every case.
	}
}

async function ourNode(items: Items) {
	const result = await runWorkflow({
		items,
		nodes: [
			{
				name: 'Patchworks',
				parameters: {
					resource: 'processFlow',
					operation: 'start',
					flowId: '101',
					flowVersion: '1',
				},
			},
		],
		credentials,
	});
	if (result.error) throw new Error(result.error.message);
}

async function httpRequestNode(items: Items) {
	const result = await runWorkflow({
		items,
		extraNodeTypes: { 'n8n-nodes-base.httpRequest': loadHttpRequestNode(n8nDir) },
		nodes: [
			{
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				executeOnce: true,
				parameters: {
					method: 'POST',
					url: `${url}/api/v1/flows/101/manual/1`,
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'Authorization', value: 'test-key-123' }] },
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ payload: JSON.stringify($input.all().map((item) => item.json)) }) }}',
					options: {},
				},
			},
		],
	});
	if (result.error) throw new Error(result.error.message);
}

async function floor(items: Items) {
	const body = JSON.stringify({ payload: JSON.stringify(items.map((item) => item.json)) });
	await new Promise<void>((resolve, reject) => {
		const req = request(
			`${url}/api/v1/flows/101/manual/1`,
			{
				method: 'POST',
				headers: {
					Authorization: 'test-key-123',
					'Content-Type': 'application/json',
					Accept: 'application/json',
					'Content-Length': Buffer.byteLength(body),
				},
			},
			(res) => {
				res.resume();
				res.on('end', () =>
					res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
				);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

const cases: Record<string, (items: Items) => Promise<void>> = { ourNode, httpRequestNode, floor };

async function main() {
	const run = cases[caseName];
	await run(makeRecords(10)); // loads the engine and the nodes, as a warm n8n would have
	const items = makeRecords(Number(countText));
	global.gc?.();
	const before = rssKb('VmRSS');
	resetPeak();
	const started = process.hrtime.bigint();
	await run(items);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const peakBytes = Math.max(0, rssKb('VmHWM') - before) * 1024;
	process.stdout.write(`${JSON.stringify({ ms, peakBytes })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
