// The second measurement: the same job in a real n8n 2.40 (`n8n execute`, on the Node.js 24 that
// scripts/n8n installs with it), in one throwaway instance with the packed package installed.
// Run alone with `tsx bench/real-n8n.ts` after `npm run build`; `npm run bench` runs it after
// the first table.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	createInstance,
	ensureN8n,
	extractRun,
	importCredentials,
	importWorkflow,
	installCommunityPackage,
	packRepository,
	progress,
	type N8nInstance,
} from '../scripts/n8n';
import { startStandin, type Standin } from '../test/standin';
import { makeRecords } from './records';
import {
	API_KEY,
	benchWorkflow,
	CREDENTIAL,
	MAKE_RECORDS,
	MEASURED_NODE,
	recordsCode,
	WARM_UP_NODE,
	WARM_UP_RECORDS,
	workflowId,
	type RealWorkflowKind,
} from './real-workflows';

export const REAL_SIZES = [1_000, 10_000, 100_000];

/** One measured thing: a workflow, run under one expression engine. */
interface Variant {
	workflow: RealWorkflowKind;
	/** `N8N_EXPRESSION_ENGINE` for the run; absent means n8n's default. */
	engine?: 'legacy';
	/** Whether the node sends: then the warm-up and the measured node each start a run. */
	posts: boolean;
}

export const VARIANTS = {
	ourNode: { workflow: 'ourNode', posts: true },
	httpRequestNode: { workflow: 'httpRequestNode', posts: true },
	httpRequestNodeLegacy: { workflow: 'httpRequestNode', engine: 'legacy', posts: true },
	expression: { workflow: 'expressionOnly', posts: false },
	expressionLegacy: { workflow: 'expressionOnly', engine: 'legacy', posts: false },
} satisfies Record<string, Variant>;

export type VariantName = keyof typeof VARIANTS;
const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];
const WORKFLOW_KINDS: RealWorkflowKind[] = ['ourNode', 'httpRequestNode', 'expressionOnly'];

/** Runs per variant: fewer for 100,000 records, whose executions take longest. */
export const repeatsFor = (count: number) =>
	Number(process.env.BENCH_REAL_REPEATS ?? (count >= 100_000 ? 3 : 5));
const EXECUTE_TIMEOUT_MS = 5 * 60_000;

export interface RealSample {
	/** The measured node's own `executionTime` from the run data. */
	nodeMs: number;
	/** The warm-up copy's `executionTime`: the node's first run in the process, 10 records. */
	warmUpMs: number;
	/** The Code node's `executionTime`: building the records (not part of `nodeMs`). */
	codeMs: number;
	/** The whole `n8n execute` command: start-up, Code node, run and saving it. */
	commandMs: number;
}

export interface RealRow {
	count: number;
	repeats: number;
	results: Record<VariantName, RealSample>;
	samples: Record<VariantName, RealSample[]>;
}

export interface RealBench {
	n8nVersion: string;
	nodeVersion: string;
	/** The engine n8n runs expressions with when N8N_EXPRESSION_ENGINE is not set. */
	defaultEngine: string;
	rows: RealRow[];
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Fails loudly if the Code node's records differ from bench/records.ts. */
function checkRecordsCode() {
	for (const count of [1, 7, 1_000]) {
		const fromCode = new Function(recordsCode(count))() as unknown;
		if (JSON.stringify(fromCode) !== JSON.stringify(makeRecords(count))) {
			throw new Error(`The Code node's records differ from bench/records.ts (${count} records)`);
		}
	}
}

/** n8n's own default, read from its config class, so the table names what really ran. */
function defaultEngine(instance: N8nInstance): string {
	const configFile = join(
		instance.install.dir,
		'node_modules/@n8n/config/dist/configs/expression-engine.config.js',
	);
	return readFileSync(configFile, 'utf8').match(/this\.engine = '(\w+)'/)?.[1] ?? 'unknown';
}

/**
 * `n8n execute --rawOutput`, its stdout going to a file. Through a pipe n8n's exit cuts the
 * run it prints short (at about 14 MB here, with 100,000 records); a file is written
 * synchronously, so it holds the whole run.
 */
async function executeToFile(instance: N8nInstance, id: string, env: Record<string, string>) {
	const { nodeBin, n8nScript } = instance.install;
	const outFile = join(instance.userFolder, `execute-${id}.out`);
	const errFile = join(instance.userFolder, `execute-${id}.err`);
	const out = openSync(outFile, 'w');
	const err = openSync(errFile, 'w');
	try {
		const child = spawn(nodeBin, [n8nScript, 'execute', `--id=${id}`, '--rawOutput'], {
			cwd: instance.userFolder,
			env: { ...instance.env, ...env },
			stdio: ['ignore', out, err],
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), EXECUTE_TIMEOUT_MS);
		const code = await new Promise<number>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
		}).finally(() => clearTimeout(timer));
		return { code, stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8') };
	} finally {
		closeSync(out);
		closeSync(err);
		rmSync(outFile, { force: true });
		rmSync(errFile, { force: true });
	}
}

async function measure(
	instance: N8nInstance,
	standin: Standin,
	name: VariantName,
	count: number,
): Promise<RealSample> {
	const variant: Variant = VARIANTS[name];
	const id = workflowId(variant.workflow, count);
	const env: Record<string, string> = variant.engine
		? { N8N_EXPRESSION_ENGINE: variant.engine }
		: {};
	standin.reset();
	const started = Date.now();
	const result = await executeToFile(instance, id, env);
	const commandMs = Date.now() - started;
	const run = extractRun(result.stdout) ?? extractRun(result.stderr);
	const error = run?.data.resultData.error;
	const runData = run?.data.resultData.runData;
	const nodeMs = runData?.[MEASURED_NODE]?.[0]?.executionTime;
	const posts = standin.requests.filter((request) => request.method === 'POST').length;
	const postsAsExpected = variant.posts ? posts >= 2 : posts === 0;
	if (result.code !== 0 || error || nodeMs === undefined || !postsAsExpected) {
		const reason =
			error?.message ??
			(result.code !== 0
				? `n8n exited with ${result.code}`
				: nodeMs === undefined
					? 'no run data for the measured node'
					: `the stand-in received ${posts} start request(s)`);
		const log = join(tmpdir(), `patchworks-bench-${id}-${Date.now()}.log`);
		writeFileSync(log, `${result.stdout}\n--- stderr ---\n${result.stderr}`);
		const tail = result.stderr.trim().split('\n').slice(-15).join('\n');
		throw new Error(
			`${name}, ${count} records, n8n ${instance.install.line.version}: ${reason} ` +
				`(after ${commandMs} ms)\n${tail}\nWhole output: ${log}`,
		);
	}
	return {
		nodeMs,
		warmUpMs: runData?.[WARM_UP_NODE]?.[0]?.executionTime ?? NaN,
		codeMs: runData?.[MAKE_RECORDS]?.[0]?.executionTime ?? NaN,
		commandMs,
	};
}

/** The real-n8n measurement, against a stand-in the caller started (maxBodyBytes raised). */
export async function benchRealN8n(standin: Standin): Promise<RealBench> {
	checkRecordsCode();
	const [install, packed] = await Promise.all([ensureN8n('2.40'), packRepository()]);
	const instance = await createInstance(install);
	try {
		progress(`installing ${packed.tarball} as a community package`);
		await installCommunityPackage(instance, packed.tarball);
		await importCredentials(instance, [
			{
				...CREDENTIAL,
				type: 'patchworksApi',
				data: {
					authentication: 'apiKey',
					apiKey: API_KEY,
					environment: 'custom',
					startUrl: standin.url,
					coreUrl: standin.url,
					loginUrl: `${standin.url}/fabric/api/login`,
				},
			},
		]);
		await importWorkflow(
			instance,
			REAL_SIZES.flatMap((count) =>
				WORKFLOW_KINDS.map((kind) => benchWorkflow(kind, count, standin.url)),
			),
		);
		const rows: RealRow[] = [];
		for (const count of REAL_SIZES) {
			const repeats = repeatsFor(count);
			const samples = Object.fromEntries(
				VARIANT_NAMES.map((name) => [name, [] as RealSample[]]),
			) as Record<VariantName, RealSample[]>;
			for (let round = 0; round < repeats; round++) {
				// Interleaved, and rotated every round, so that no variant always runs first.
				const order = VARIANT_NAMES.map(
					(_, i) => VARIANT_NAMES[(i + round) % VARIANT_NAMES.length],
				);
				for (const name of order) {
					const sample = await measure(instance, standin, name, count);
					samples[name].push(sample);
					progress(
						`  ${count} records, ${name}: ${sample.nodeMs} ms (first run, ` +
							`${WARM_UP_RECORDS} records: ${sample.warmUpMs} ms; Code node ${sample.codeMs} ms; ` +
							`n8n execute ${(sample.commandMs / 1000).toFixed(1)} s)`,
					);
				}
			}
			const pick = (list: RealSample[], key: keyof RealSample) => median(list.map((s) => s[key]));
			const results = Object.fromEntries(
				VARIANT_NAMES.map((name) => [
					name,
					{
						nodeMs: pick(samples[name], 'nodeMs'),
						warmUpMs: pick(samples[name], 'warmUpMs'),
						codeMs: pick(samples[name], 'codeMs'),
						commandMs: pick(samples[name], 'commandMs'),
					},
				]),
			) as Record<VariantName, RealSample>;
			rows.push({ count, repeats, results, samples });
		}
		return {
			n8nVersion: install.line.version,
			nodeVersion: install.line.nodeVersion ?? process.versions.node,
			defaultEngine: defaultEngine(instance),
			rows,
		};
	} finally {
		instance.dispose();
		rmSync(packed.dir, { recursive: true, force: true });
	}
}

/** Median over every run of a variant, all sizes: the warm-up always has 10 records. */
function firstRunMs(bench: RealBench, name: VariantName) {
	return median(bench.rows.flatMap((row) => row.samples[name].map((s) => s.warmUpMs)));
}

export function realHeader(bench: RealBench) {
	const runs = [...new Set(bench.rows.map((row) => row.repeats))].join(' or ');
	const first = (name: VariantName) => firstRunMs(bench, name).toFixed(0);
	return [
		`In a real n8n ${bench.n8nVersion} on its Node.js ${bench.nodeVersion}: one throwaway instance with`,
		'the packed package installed, one workflow per case and size, each run with `n8n execute`:',
		'Manual Trigger → Code node, 10 records → warm-up copy of the measured node → Code node that',
		'builds the same records as above → the measured node. Time: the measured node’s own',
		`\`executionTime\` from the run data, median of ${runs} runs (variants interleaved); n8n’s`,
		'start-up and the Code nodes are not in it. The warm-up makes it the node’s second run in',
		'the process, as in a running n8n server (the first table warms up too); a first run, with',
		`${WARM_UP_RECORDS} records, took (a) ${first('ourNode')} ms and (b) ${first('httpRequestNode')} ms (medians of all runs).`,
		`Expressions run in n8n’s default engine, \`${bench.defaultEngine}\` (an isolated-vm isolate), unless the`,
		'column says legacy (`N8N_EXPRESSION_ENGINE=legacy`: no isolate; the engine of the first',
		'table, and of this project’s n8n 1.123 line). (b)’s expression alone: a Set node, Execute',
		'Once, that only evaluates (b)’s body expression. Memory is not measured here: n8n reports',
		'none per node, and the process’s peak holds start-up, the Code nodes and the run data.',
		'',
	].join('\n');
}

export function realTable(bench: RealBench) {
	const ms = (sample: RealSample) => sample.nodeMs.toFixed(0);
	const seconds = (sample: RealSample) => (sample.commandMs / 1000).toFixed(1);
	const lines = [
		'| records | runs | (a) this node ms | (b) HTTP Request ms | time a/b | (b) legacy engine ms | (b)’s expression alone ms, vm / legacy | `n8n execute` (a) / (b) s |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const { count, repeats, results: r } of bench.rows) {
		const ratio = r.httpRequestNode.nodeMs > 0 ? r.ourNode.nodeMs / r.httpRequestNode.nodeMs : NaN;
		lines.push(
			`| ${count.toLocaleString('en-GB')} | ${repeats} | ${ms(r.ourNode)} | ${ms(r.httpRequestNode)} | ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'} | ${ms(r.httpRequestNodeLegacy)} | ${ms(r.expression)} / ${ms(r.expressionLegacy)} | ${seconds(r.ourNode)} / ${seconds(r.httpRequestNode)} |`,
		);
	}
	return lines.join('\n');
}

if (require.main === module) {
	void (async () => {
		const started = Date.now();
		const standin = await startStandin({ maxBodyBytes: 64 * 1024 * 1024 });
		try {
			const bench = await benchRealN8n(standin);
			process.stdout.write(`${realHeader(bench)}\n${realTable(bench)}\n`);
		} finally {
			await standin.close();
		}
		progress(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	})().catch((error: Error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	});
}
