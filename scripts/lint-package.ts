// `npm run lint`: n8n's own `n8n-node lint`, strict mode included, over what the package
// publishes. It lints every .ts file below its working directory, and its community-node rules
// (no process, no timers, no child_process) are for node code, not for this repository's tests
// and scripts; so it runs in a copy of the published sources.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'patchworks-lint-'));
const published = [
	'package.json',
	'eslint.config.mjs',
	'tsconfig.json',
	'nodes',
	'credentials',
	'icons',
];
try {
	for (const entry of published) cpSync(join(root, entry), join(copy, entry), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
	const args = process.argv.includes('--fix') ? ['lint', '--fix'] : ['lint'];
	const lint = spawnSync(join(root, 'node_modules', '.bin', 'n8n-node'), args, {
		cwd: copy,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' },
	});
	// Findings name the copy's files; show them as the repository's.
	const output = `${lint.stdout ?? ''}${lint.stderr ?? ''}`.split(copy).join(root);
	process.stdout.write(output);
	process.stdout.write(lint.status === 0 ? 'n8n-node lint passed\n' : '');
	if (process.argv.includes('--fix')) {
		for (const entry of ['nodes', 'credentials'])
			cpSync(join(copy, entry), join(root, entry), { recursive: true });
	}
	process.exitCode = lint.status ?? 1;
} finally {
	rmSync(copy, { recursive: true, force: true });
}
