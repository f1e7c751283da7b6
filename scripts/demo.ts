// `npm run demo`: the packed package in a real n8n, started headlessly against the local
// Patchworks stand-in; then the editor's Flow picker, and a flow started, waited for and its
// logs read. PATCHWORKS_DEMO_N8N=1.123 picks the n8n 1.x line instead of 2.40.
// Ctrl-C (or SIGTERM) stops every n8n and npm it started, then removes its temp folders.
import { constants } from 'node:os';
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
	removeTempDirs,
	searchList,
	standinCredential,
	startServer,
	START_WAIT_LOGS_WORKFLOW,
	stopAllChildren,
	useOwnProcessGroups,
	type Execution,
	type N8nInstance,
	type N8nRun,
	type Workflow,
} from './n8n';

const API_KEY = 'demo-key';
// Long enough to see the node wait, short enough for a demo.
const RUN_DURATION_MS = 1500;
// What to undo besides child processes and temp folders (scripts/n8n tracks those), newest last.
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

// Nothing more once interrupted: a step that was already under way may still finish.
const print = (lines: string[]) => {
	if (!finishing) process.stdout.write(`${lines.join('\n')}\n`);
};
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
	// On Ctrl-C stopAllChildren() stops it too, even while it is still starting.
	const server = await startServer(instance);
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
	// The pack folder and the user folder are registered for removal the moment they exist.
	const [install, packed] = await Promise.all([ensureN8n(line), packRepository()]);

	const instance: N8nInstance = await createInstance(install);
	progress(`installing ${packed.tarball} as a community package`);
	await installCommunityPackage(instance, packed.tarball);

	const standin = await startStandin({ apiKeys: [API_KEY], runDurationMs: RUN_DURATION_MS });
	cleanups.push(() => standin.close());
	const orders = readExampleWorkflow();
	const startWait = readExampleWorkflow(START_WAIT_LOGS_WORKFLOW);
	// The file with the key in clear text is deleted as soon as n8n has read it.
	await importCredentials(instance, [standinCredential(orders, standin.url, API_KEY)]);
	await importWorkflow(instance, [orders, startWait]);

	await sendOrders(instance, standin, orders);
	await searchFlowPicker(instance, startWait);
	standin.reset();
	await startWaitAndReadLogs(instance, standin, startWait);
	print(['', `done in ${seconds(Date.now() - started)}`]);
}

async function attempt(what: string, work: () => unknown) {
	try {
		await work();
	} catch (error) {
		// Not progress(): that is silent once the children are stopped.
		process.stderr.write(`cleanup: ${what} failed: ${(error as Error).message}\n`);
	}
}

/** `promise`, or nothing after `ms`; the timer does not outlive it. */
async function atMost(promise: Promise<unknown>, ms: number) {
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
	clearTimeout(timer);
}

// Child processes in groups of their own: Ctrl-C reaches only this script, which stops them.
useOwnProcessGroups();
let finishing: Promise<void> | undefined;
const running = main();
const settled = running.then(
	() => undefined,
	() => undefined,
);

/**
 * Cleans up once, whatever asks first (the end of main, a failure, a signal): every child's
 * whole process group is stopped (SIGTERM, SIGKILL after 3 s) before any folder it uses is
 * deleted, and no new child is started after that. Then exits with `code`.
 */
function finish(code: number, message = ''): Promise<void> {
	finishing ??= (async () => {
		await attempt('stopping n8n', () => stopAllChildren(3_000));
		// A step that was not a child process (starting the stand-in, say) ends on its own.
		await atMost(settled, 5_000);
		for (const cleanup of cleanups.splice(0).reverse()) await attempt('closing', cleanup);
		await attempt('removing temp folders', removeTempDirs);
		process.stderr.write(message);
		if (code !== 0) process.exit(code);
	})().catch((error: Error) => {
		process.stderr.write(`cleanup failed: ${error.message}\n`);
		process.exit(code || 1);
	});
	return finishing;
}

// `on`, not `once`: a second Ctrl-C (npm and tsx pass signals on too) must not end the
// cleanup half-way, so every repeat is ignored while it runs.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		if (finishing) return;
		process.stderr.write('interrupted: cleaning up…\n');
		void finish(128 + constants.signals[signal]);
	});
}

running.then(
	() => finish(0),
	(error: Error) => finish(1, `\ndemo failed: ${error.message}\n`),
);
