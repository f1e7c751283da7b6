import {
	spawn,
	type ChildProcess,
	type ChildProcessByStdio,
	type SpawnOptions,
} from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

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
// Set by stopAllChildren(): no child is started and no progress is shown any more.
let refusing = false;

/**
 * Progress goes to stderr, so stdout stays the result; the time shows which step is slow.
 * Silent once stopAllChildren() was called: the steps still winding down have nothing to say.
 */
export function progress(message: string): void {
	if (refusing) return;
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

/** A child this module started and has not seen end; see stopAllChildren(). */
interface Tracked {
	child: ChildProcess;
	/** It leads a process group of its own: signals go to the whole group. */
	group: boolean;
	/** Its 'exit' (or 'error' when it could not start). */
	exited: Promise<void>;
}

const running = new Set<Tracked>();
const trackedByChild = new WeakMap<ChildProcess, Tracked>();
let ownGroups = false;

/**
 * From now on run() starts each child as the leader of a process group of its own, as
 * startServer() always does, so stopping a child also stops what it started (n8n's task
 * runners). A terminal's Ctrl-C no longer reaches such children: the caller must stop them,
 * with stopAllChildren(), as scripts/demo.ts does on SIGINT.
 */
export function useOwnProcessGroups(): void {
	ownGroups = true;
}

/** Children run() and startServer() started that may still be running. */
export function runningChildren(): number[] {
	return [...running].flatMap((tracked) => (tracked.child.pid ? [tracked.child.pid] : []));
}

function isAlive(tracked: Tracked): boolean {
	const pid = tracked.child.pid;
	if (!pid) return false;
	if (!tracked.group) return tracked.child.exitCode === null && tracked.child.signalCode === null;
	try {
		// Signal 0 only asks whether any process of the group is still there.
		process.kill(-pid, 0);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
	return !onlyZombies(pid);
}

/**
 * Whether every process left in group `pgid` has exited and only waits to be reaped: the
 * leader's orphans are reaped by init, which in a container may take a second or more.
 * Linux only; elsewhere the group counts as running until it is reaped.
 */
function onlyZombies(pgid: number): boolean {
	let entries: string[];
	try {
		entries = readdirSync('/proc');
	} catch {
		return false;
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // Gone meanwhile.
		}
		// "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
		const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return false;
	}
	return true;
}

function signal(tracked: Tracked, name: NodeJS.Signals): void {
	const pid = tracked.child.pid;
	if (!pid) return;
	try {
		if (tracked.group) process.kill(-pid, name);
		else tracked.child.kill(name);
	} catch {
		// Already gone.
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (!done()) {
		if (Date.now() >= deadline) return false;
		await sleep(50);
	}
	return true;
}

/**
 * spawn(), but tracked so stopAllChildren() finds the child, and refused once that has been
 * called: a script that is cleaning up must not start anything new in a folder it deletes.
 * With `detached` (or after useOwnProcessGroups()) the child leads its own process group.
 */
export function spawnTracked(command: string, args: string[], options: SpawnOptions) {
	if (refusing) throw new Error(`not starting ${command}: shutting down`);
	const group = options.detached ?? ownGroups;
	const child = spawn(command, args, { ...options, detached: group });
	const tracked: Tracked = {
		child,
		group,
		exited: new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.once('error', () => resolve());
		}),
	};
	running.add(tracked);
	trackedByChild.set(child, tracked);
	void tracked.exited.then(() => {
		// A group that outlives its leader (a task runner left behind) stays tracked.
		if (!isAlive(tracked)) running.delete(tracked);
	});
	return child;
}

/**
 * Stops a child spawnTracked() started: SIGTERM to it (to its whole process group if it leads
 * one), SIGKILL to whatever is left after `graceMs`; resolves once none of it runs.
 */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
	const tracked = trackedByChild.get(child) ?? {
		child,
		group: false,
		exited: new Promise<void>((resolve) => child.once('exit', () => resolve())),
	};
	if (isAlive(tracked)) {
		signal(tracked, 'SIGTERM');
		if (!(await waitUntil(() => !isAlive(tracked), graceMs))) {
			signal(tracked, 'SIGKILL');
			// A process killed outright is gone at once; a zombie nobody reaps is given up on.
			await waitUntil(() => !isAlive(tracked), 5_000);
		}
	}
	// So the child's own 'exit' and 'close' handlers have run before the caller goes on.
	if (child.exitCode === null && child.signalCode === null && child.pid) {
		await Promise.race([tracked.exited, sleep(1_000)]);
	}
	running.delete(tracked);
}

/**
 * Stops every child still running (each whole process group; SIGKILL after `graceMs`) and
 * refuses to start any more: for a script that is about to delete their folders and exit.
 */
export async function stopAllChildren(graceMs = 3_000): Promise<void> {
	refusing = true;
	await Promise.all([...running].map((tracked) => stopChild(tracked.child, graceMs)));
}

export async function run(
	command: string,
	args: string[],
	options: RunOptions,
): Promise<RunResult> {
	const started = Date.now();
	const child = spawnTracked(command, args, {
		cwd: options.cwd,
		env: options.env ?? cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	}) as ChildProcessByStdio<null, Readable, Readable>;
	const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	log?.write(`\n$ ${[command, ...args].join(' ')}  (in ${options.cwd})\n`);
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
	const tracked = trackedByChild.get(child);
	const timer = options.timeoutMs
		? setTimeout(() => tracked && signal(tracked, 'SIGKILL'), options.timeoutMs)
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
