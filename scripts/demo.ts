// `npm run demo`: the packed package in a real n8n, started headlessly against the local
// Patchworks stand-in; then the editor's Flow picker, and a flow started, waited for and its
// logs read. PATCHWORKS_DEMO_N8N=1.123 picks the n8n 1.x line instead of 2.40.
import { rmSync } from 'node:fs';
import { startStandin } from '../test/standin';
import type { RecordedRequest, Standin } from '../test/standin';
import {
	createInstance,
	ensureN8n,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	installCommunityPackage,
	lineById,
	nodeOutput,
	packRepository,
	progress,
	readExampleWorkflow,
	searchList,
	standinCredential,
	startServer,
	START_WAIT_LOGS_WORKFLOW,
	type Execution,
	type N8nInstance,
	type N8nRun,
	type Workflow,
} from './n8n';

const API_KEY = 'demo-key';
// Long enough to see the node wait, short enough for a demo.
const RUN_DURATION_MS = 1500;
const cleanups: Array<() => unknown> = [];

// Enough of the secret to recognise it, never enough to use it.
function mask(value: string | undefined): string {
	if (!value) return '(none)';
	const [scheme, secret] = value.startsWith('Bearer ') ? ['Bearer ', value.slice(7)] : ['', value];
	return `${scheme}${secret.slice(0, 2)}${'*'.repeat(Math.max(secret.length - 2, 3))}`;
}

function describePayload(request: RecordedRequest): string[] {
	const body = JSON.parse(request.text) as { payload?: unknown };
	if (typeof body.payload !== 'string') return [`  body: ${request.text.slice(0, 300)}`];
	const records = JSON.parse(body.payload) as unknown;
	const count = Array.isArray(records) ? `${records.length} records` : 'not an array';
	return [
		`  body size: ${request.body.length} bytes; payload string: ${Buffer.byteLength(body.payload)} bytes, ${count}`,
		`  payload starts: ${body.payload.slice(0, 300)}…`,
	];
}

function succeeded(execution: Execution): N8nRun {
	const run = execution.run;
	const error = run?.data.resultData.error;
	if (!run || error || execution.exitCode !== 0) {
		const reason = error?.message ?? `n8n exited with ${execution.exitCode} and printed no run`;
		const output = `${execution.stdout}\n${execution.stderr}`.trim().split('\n').slice(-30);
		throw new Error(
			`The workflow failed: ${reason}\n--- n8n output (last lines) ---\n${output.join('\n')}`,
		);
	}
	return run;
}

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Part 1: the first example, 250 orders to flow 101 as one payload. */
async function sendOrders(instance: N8nInstance, standin: Standin, workflow: Workflow) {
	const run = succeeded(await executeWorkflow(instance, workflow.id));
	const flowRunId = nodeOutput(run, 'Patchworks')[0]?.json.flowRunId;
	const request = standin.requests.find((r) => r.method === 'POST');
	if (!request) throw new Error('The stand-in received no POST request');
	if (flowRunId === undefined) throw new Error('The Patchworks node output has no flowRunId');
	print([
		'',
		`n8n ${instance.install.line.version} ran "${workflow.name}"`,
		`flow run id in the Patchworks node's output: ${String(flowRunId)}`,
		`runs the stand-in started: ${standin.runs.map((r) => r.id).join(', ') || 'none'}`,
		`stand-in received ${standin.requests.length} request(s); the start request:`,
		`  ${request.method} ${request.url}`,
		`  authorization: ${mask(request.headers.authorization)}`,
		...describePayload(request),
	]);
}

/** Part 2: what the editor lists when the user types "stock" into the Flow picker. */
async function searchFlowPicker(instance: N8nInstance, workflow: Workflow) {
	const started = Date.now();
	const server = await startServer(instance);
	// Also on Ctrl-C: the server runs in its own process group. Stopping twice is harmless.
	cleanups.push(() => server.stop());
	const startup = seconds(Date.now() - started);
	try {
		const found = await searchList(server, workflow, 'Start and wait', 'flowId', {
			filter: 'stock',
		});
		const items = found.results.map((item) => `  ${item.name}    (value ${String(item.value)})`);
		print([
			'',
			`the Flow picker (From List), searched for "stock" (n8n server up in ${startup}):`,
			...(items.length ? items : ['  (nothing found)']),
		]);
	} finally {
		await server.stop();
	}
}

/** Part 3: the second example, flow 102 started, waited for, and its logs read. */
async function startWaitAndReadLogs(instance: N8nInstance, standin: Standin, workflow: Workflow) {
	const run = succeeded(await executeWorkflow(instance, workflow.id));
	const [start] = nodeOutput(run, 'Start and wait').map((item) => item.json);
	const logs = nodeOutput(run, 'Get run logs').map((item) => item.json);
	if (!start) throw new Error('The Start node output nothing');
	const checkPath = `/api/v1/flow-runs/${String(start.flowRunId)}`;
	const checks = standin.requests.filter((r) => r.path === checkPath).length;
	const lines = logs.map((entry) => {
		const time = String(entry.time).slice(11, 23);
		return `  ${time}  ${String(entry.level).padEnd(7)} ${String(entry.message)}`;
	});
	print([
		'',
		`n8n ${instance.install.line.version} ran "${workflow.name}"`,
		`started flow ${String(start.flowId)} (Deployed Version) with ${String(start.itemCount)} orders: flow run ${String(start.flowRunId)}`,
		`checked GET ${checkPath} ${checks} time(s) until the run had finished`,
		`final status: ${String(start.status)} (ran ${seconds(Number(start.durationMs))})`,
		`its ${logs.length} log entries (Get Logs):`,
		...lines,
	]);
}

async function main() {
	const started = Date.now();
	const line = lineById(process.env.PATCHWORKS_DEMO_N8N);
	const [install, packed] = await Promise.all([ensureN8n(line), packRepository()]);
	cleanups.push(() => rmSync(packed.dir, { recursive: true, force: true }));

	const instance: N8nInstance = await createInstance(install);
	cleanups.push(() => instance.dispose());
	progress(`installing ${packed.tarball} as a community package`);
	await installCommunityPackage(instance, packed.tarball);

	const standin = await startStandin({ apiKeys: [API_KEY], runDurationMs: RUN_DURATION_MS });
	cleanups.push(() => standin.close());
	const orders = readExampleWorkflow();
	const startWait = readExampleWorkflow(START_WAIT_LOGS_WORKFLOW);
	await importCredentials(instance, [standinCredential(orders, standin.url, API_KEY)]);
	await importWorkflow(instance, [orders, startWait]);

	await sendOrders(instance, standin, orders);
	await searchFlowPicker(instance, startWait);
	standin.reset();
	await startWaitAndReadLogs(instance, standin, startWait);
	print(['', `done in ${seconds(Date.now() - started)}`]);
}

// Runs each cleanup once, newest first, even if Ctrl-C arrives during a failure.
async function cleanUp() {
	for (const cleanup of cleanups.splice(0).reverse()) {
		try {
			await cleanup();
		} catch (error) {
			progress(`cleanup failed: ${(error as Error).message}`);
		}
	}
}

process.once('SIGINT', () => {
	void cleanUp().then(() => process.exit(130));
});

main()
	.then(cleanUp)
	.catch(async (error: Error) => {
		await cleanUp();
		process.stderr.write(`\ndemo failed: ${error.message}\n`);
		process.exit(1);
	});
