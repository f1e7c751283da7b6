// `npm run bench`: this node, n8n's HTTP Request node and a bare POST, side by side in one run;
// then this node and the HTTP Request node in a real n8n 2.40 (bench/real-n8n.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n } from '../scripts/n8n';
import { startStandin } from '../test/standin';
import { chartSvg, realChartSvg } from './chart';
import { benchRealN8n, realHeader, realTable, type RealBench } from './real-n8n';

const SIZES = [1_000, 10_000, 100_000];
const CASES = ['ourNode', 'httpRequestNode', 'floor'] as const;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

type Case = (typeof CASES)[number];
interface Sample {
	ms: number;
	peakBytes: number;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Asynchronous on purpose: the stand-in answers from this process while the case runs.
async function measure(
	name: Case,
	count: number,
	url: string,
	n8nDir: string,
	userFolder: string,
): Promise<Sample> {
	const child = spawn(
		process.execPath,
		[
			'--expose-gc',
			'--import',
			'tsx',
			join(__dirname, 'case.ts'),
			name,
			String(count),
			url,
			n8nDir,
		],
		{
			env: {
				...process.env,
				NODE_ENV: 'test',
				N8N_USER_FOLDER: userFolder,
				N8N_LOG_LEVEL: 'silent',
			},
		},
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (status !== 0) throw new Error(`${name} ${count} failed:\n${stderr}`);
	const last = stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(last) as Sample;
}

async function main() {
	const started = Date.now();
	const n8n = await ensureN8n('1.123');
	// The floor and the HTTP Request node send one body of up to 15 MB; this node splits at 8 MB.
	const standin = await startStandin({ maxBodyBytes: 64 * 1024 * 1024 });
	const userFolder = mkdtempSync(join(tmpdir(), 'patchworks-bench-'));
	const rows: Array<{ count: number; results: Record<Case, Sample> }> = [];
	let real: RealBench;
	try {
		for (const count of SIZES) {
			const samples: Record<Case, Sample[]> = { ourNode: [], httpRequestNode: [], floor: [] };
			// Interleaved, so that a slow moment of the machine is shared by all three.
			for (let repeat = 0; repeat < REPEATS; repeat++) {
				for (const name of CASES) {
					samples[name].push(await measure(name, count, standin.url, n8n.dir, userFolder));
					standin.reset();
				}
			}
			const results = Object.fromEntries(
				CASES.map((name) => [
					name,
					{
						ms: median(samples[name].map((s) => s.ms)),
						peakBytes: median(samples[name].map((s) => s.peakBytes)),
					},
				]),
			) as Record<Case, Sample>;
			rows.push({ count, results });
			process.stderr.write(`${count} records: ${JSON.stringify(results)}\n`);
		}
		// The same job in a real n8n, against the same stand-in.
		real = await benchRealN8n(standin);
	} finally {
		await standin.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
	const table = markdownTable(rows);
	const second = `${realHeader(real)}\n${realTable(real)}`;
	const took = Math.round((Date.now() - started) / 1000);
	process.stdout.write(
		`${table}\n\n${second}\n\nbench/run.ts took ${Math.floor(took / 60)} min ${took % 60} s\n`,
	);
	writeFileSync(
		join(__dirname, 'results.md'),
		[
			header(),
			table,
			'',
			'## In a real n8n',
			'',
			second,
			'',
			'![Time of the node in a real n8n, per case](chart-n8n.svg)',
			'',
		].join('\n'),
	);
	writeFileSync(join(__dirname, 'chart.svg'), chartSvg(rows));
	writeFileSync(join(__dirname, 'chart-n8n.svg'), realChartSvg(real));
}

function header() {
	return [
		`Medians of ${REPEATS} runs, each in a fresh process, on ${process.platform} ${process.arch},`,
		`Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)}. Time: the whole job,`,
		'items in memory to reply received. Memory: peak resident memory above the start of the job.',
		'(a) this node in the n8n engine; (b) n8n’s HTTP Request node, Execute Once, the items',
		'stringified in an expression; (c) one JSON.stringify and one POST with Node’s http.',
		'',
	].join('\n');
}

function markdownTable(rows: Array<{ count: number; results: Record<Case, Sample> }>) {
	const ms = (s: Sample) => s.ms.toFixed(0);
	const mb = (s: Sample) => (s.peakBytes / 1024 / 1024).toFixed(1);
	const lines = [
		'| records | (a) this node ms / MB | (b) HTTP Request ms / MB | (c) floor ms / MB | time a/c | time a/b | memory a/c | memory a/b |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const { count, results: r } of rows) {
		const ratio = (x: number, y: number) => (y > 0 ? (x / y).toFixed(2) : 'n/a');
		lines.push(
			`| ${count.toLocaleString('en-GB')} | ${ms(r.ourNode)} / ${mb(r.ourNode)} | ${ms(r.httpRequestNode)} / ${mb(r.httpRequestNode)} | ${ms(r.floor)} / ${mb(r.floor)} | ${ratio(r.ourNode.ms, r.floor.ms)} | ${ratio(r.ourNode.ms, r.httpRequestNode.ms)} | ${ratio(r.ourNode.peakBytes, r.floor.peakBytes)} | ${ratio(r.ourNode.peakBytes, r.httpRequestNode.peakBytes)} |`,
		);
	}
	return lines.join('\n');
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
