import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tempDirs = new Set<string>();

/**
 * A new folder in the OS temp folder, registered the moment it exists, so removeTempDirs()
 * finds it even when the caller is interrupted before it got the path back.
 */
export function makeTempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	tempDirs.add(dir);
	return dir;
}

export function removeTempDir(dir: string): void {
	tempDirs.delete(dir);
	rmSync(dir, { recursive: true, force: true });
}

/**
 * Removes every folder makeTempDir() made that is still there. Asynchronous, so a script
 * stays responsive to signals meanwhile; stop the processes that use them first.
 */
export async function removeTempDirs(): Promise<void> {
	const dirs = [...tempDirs];
	tempDirs.clear();
	const results = await Promise.allSettled(
		dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })),
	);
	const failed = results.flatMap((result, i) =>
		result.status === 'rejected' ? [`${dirs[i]}: ${(result.reason as Error).message}`] : [],
	);
	if (failed.length) throw new Error(`could not remove ${failed.join('; ')}`);
}
