import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { progress } from './proc';

/** Outside the repository: an n8n install is 2–3 GB and must survive `git clean`. */
export function cacheRoot(): string {
	if (process.env.PATCHWORKS_N8N_CACHE) return process.env.PATCHWORKS_N8N_CACHE;
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-patchworks');
}

// No install takes this long; an older lock is left over, even if its pid was reused.
const STALE_LOCK_MS = 60 * 60_000;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function lockOwner(lockFile: string): number | undefined {
	try {
		if (Date.now() - statSync(lockFile).mtimeMs > STALE_LOCK_MS) return undefined;
		const pid = Number(readFileSync(lockFile, 'utf8'));
		return pid && isAlive(pid) ? pid : undefined;
	} catch {
		return undefined;
	}
}

// A hard link appears with its content already written, so no reader sees an empty lock.
function tryLock(lockFile: string): boolean {
	const mine = `${lockFile}.${process.pid}`;
	writeFileSync(mine, String(process.pid));
	try {
		linkSync(mine, lockFile);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return false;
	} finally {
		rmSync(mine, { force: true });
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding a lock file, so a demo and a test run started together
 * do not install into the same folder at once. A lock left by a dead process is taken over.
 */
export async function withLock<T>(lockFile: string, what: string, work: () => Promise<T>) {
	let reportedAt = 0;
	while (!tryLock(lockFile)) {
		const owner = lockOwner(lockFile);
		if (!owner) {
			rmSync(lockFile, { force: true });
			continue;
		}
		if (Date.now() - reportedAt >= 30_000) {
			progress(`waiting for process ${owner}, which is installing ${what}`);
			reportedAt = Date.now();
		}
		await sleep(2_000);
	}
	try {
		return await work();
	} finally {
		rmSync(lockFile, { force: true });
	}
}
