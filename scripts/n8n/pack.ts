import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanEnv, npmCliPath, progress, runOrThrow } from './proc';
import { makeTempDir } from './temp';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * `npm pack` of the repository into a new temp folder; the caller removes `dir` (it is also
 * registered for removeTempDirs() from the moment it exists).
 */
export async function packRepository(repoRoot = REPO_ROOT) {
	if (!existsSync(join(repoRoot, 'dist', 'nodes', 'Patchworks', 'Patchworks.node.js'))) {
		throw new Error(`${repoRoot}/dist has no built node: run \`npm run build\` first`);
	}
	const dir = makeTempDir('patchworks-pack-');
	progress('packing the package with npm pack');
	const result = await runOrThrow(
		process.execPath,
		[npmCliPath(), 'pack', '--json', '--ignore-scripts', `--pack-destination=${dir}`],
		{ cwd: repoRoot, env: cleanEnv() },
	);
	const [packed] = JSON.parse(result.stdout) as Array<{ filename: string; size: number }>;
	const tarball = join(dir, packed.filename);
	progress(`  ${packed.filename} (${packed.size} bytes)`);
	return { dir, tarball };
}
