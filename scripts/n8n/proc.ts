import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Where stdout and stderr go; by default they are only kept in memory. */
	logFile?: string;
	/** Shown on stderr every 30 s so a long step does not look hung. */
	label?: string;
	timeoutMs?: number;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

const startedAt = Date.now();

/** Progress goes to stderr, so stdout stays the result; the time shows which step is slow. */
export function progress(message: string): void {
	const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(5);
	process.stderr.write(`[n8n ${seconds}s] ${message}\n`);
}

/**
 * Env for child processes without what `npm run` and jest export: an inherited
 * `npm_config_ignore_scripts=true` or `npm_config_nodedir` would silently change
 * what npm does in the cache folder or the user folder. The caller's own N8N_* and
 * DB_* settings are left out too, so a throwaway instance never touches a real one.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		const keep = /^npm_config_(cache|registry)$/i.test(key);
		if (!keep && /^npm_(config|lifecycle|package|command|execpath|node_execpath)/i.test(key)) {
			continue;
		}
		if (key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
		// Jest sets NODE_ENV=test, under which n8n's CLI quietly does nothing.
		if (key === 'NODE_ENV' || key.startsWith('JEST_')) continue;
		if (/^N8N_|^DB_|^EXECUTIONS_/.test(key)) continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

export function withNodeFirstOnPath(env: NodeJS.ProcessEnv, nodeBin: string): NodeJS.ProcessEnv {
	return { ...env, PATH: [dirname(nodeBin), env.PATH ?? ''].join(delimiter) };
}

export async function run(
	command: string,
	args: string[],
	options: RunOptions,
): Promise<RunResult> {
	const started = Date.now();
	const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	log?.write(`\n$ ${[command, ...args].join(' ')}  (in ${options.cwd})\n`);
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => {
		out.push(chunk);
		log?.write(chunk);
	});
	child.stderr.on('data', (chunk: Buffer) => {
		err.push(chunk);
		log?.write(chunk);
	});
	const heartbeat = options.label
		? setInterval(() => {
				const seconds = Math.round((Date.now() - started) / 1000);
				progress(`  still ${options.label} (${seconds} s)`);
			}, 30_000)
		: undefined;
	const timer = options.timeoutMs
		? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
		: undefined;
	try {
		const code = await new Promise<number>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
		});
		return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
	} finally {
		if (heartbeat) clearInterval(heartbeat);
		if (timer) clearTimeout(timer);
		await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
	}
}

export async function runOrThrow(
	command: string,
	args: string[],
	options: RunOptions,
): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = (result.stderr || result.stdout).trim().split('\n').slice(-25).join('\n');
		const where = options.logFile ? `\nFull log: ${options.logFile}` : '';
		throw new Error(`${[command, ...args].join(' ')} exited with ${result.code}:\n${tail}${where}`);
	}
	return result;
}

/**
 * npm's own CLI script, so npm can be run by a Node.js other than the machine's
 * (the rebuild of native modules for n8n 2.x must happen under Node.js 24).
 */
export function npmCliPath(): string {
	const candidates = [
		process.env.npm_execpath,
		join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	];
	const found = candidates.find((path) => path && /npm-cli\.js$/.test(path) && existsSync(path));
	if (!found) throw new Error('Cannot find npm-cli.js next to this Node.js; is npm installed?');
	return found;
}
