import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { N8nInstall } from './install';
import { cleanEnv, npmCliPath, progress, run, runOrThrow, withNodeFirstOnPath } from './proc';
import { extractRun, type N8nRun } from './output';
import { freePort } from './ports';
import { makeTempDir, removeTempDir } from './temp';

/** A throwaway n8n instance: its own user folder, SQLite database and encryption key. */
export interface N8nInstance {
	install: N8nInstall;
	/** `N8N_USER_FOLDER`; n8n keeps its data in `<userFolder>/.n8n`. */
	userFolder: string;
	env: NodeJS.ProcessEnv;
	dispose(): void;
}

// Keeps a headless run offline and quiet: no telemetry, no version or template look-ups.
const QUIET_ENV: Record<string, string> = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	// A failed `execute` prints the run only as an info-level log line.
	N8N_LOG_LEVEL: 'info',
	N8N_LOG_OUTPUT: 'console',
	DB_TYPE: 'sqlite',
	EXTERNAL_FRONTEND_HOOKS_URLS: '',
	N8N_DISABLE_UI: 'true',
};

export async function createInstance(install: N8nInstall, extraEnv: Record<string, string> = {}) {
	// Registered for removeTempDirs() at once: an interrupt may come before this returns.
	const userFolder = makeTempDir('n8n-patchworks-');
	// Its own task-broker port: two instances (a demo beside a test run) would clash on 5679.
	const brokerPort = String(await freePort());
	const env = withNodeFirstOnPath(
		cleanEnv({
			...QUIET_ENV,
			...install.line.env,
			N8N_RUNNERS_BROKER_PORT: brokerPort,
			...extraEnv,
			N8N_USER_FOLDER: userFolder,
		}),
		install.nodeBin,
	);
	const instance: N8nInstance = {
		install,
		userFolder,
		env,
		dispose: () => removeTempDir(userFolder),
	};
	return instance;
}

/**
 * Installs a packed community package the way n8n's own installer does
 * (CommunityPackagesService.downloadPackage): unpack into `.n8n/nodes/node_modules/<name>`,
 * drop dev, peer and optional dependencies, `npm install` inside it, and record it in
 * `.n8n/nodes/package.json`. Only the registry download is replaced by a local tarball.
 */
export async function installCommunityPackage(instance: N8nInstance, tarball: string) {
	const nodesDir = join(instance.userFolder, '.n8n', 'nodes');
	const manifestPath = join(nodesDir, 'package.json');
	mkdirSync(nodesDir, { recursive: true });
	const listing = await runOrThrow('tar', ['-xOzf', tarball, 'package/package.json'], {
		cwd: nodesDir,
	});
	const pkg = JSON.parse(listing.stdout) as Record<string, unknown> & {
		name: string;
		version: string;
	};
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) {
		delete pkg[field];
	}
	const packageDir = join(nodesDir, 'node_modules', pkg.name);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	await runOrThrow('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], {
		cwd: nodesDir,
	});
	writeFileSync(join(packageDir, 'package.json'), JSON.stringify(pkg, null, 2));
	// n8n also passes --registry=<its registry>; left out so the user's npm config applies.
	const npmArgs = [
		'install',
		'--audit=false',
		'--fund=false',
		'--bin-links=false',
		'--install-strategy=shallow',
		'--ignore-scripts=true',
		'--package-lock=false',
	];
	await runOrThrow(instance.install.nodeBin, [npmCliPath(), ...npmArgs], {
		cwd: packageDir,
		env: instance.env,
	});
	const manifest = readJson(manifestPath) ?? {
		name: 'installed-nodes',
		private: true,
		dependencies: {},
	};
	(manifest.dependencies as Record<string, string>)[pkg.name] = pkg.version;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	return { name: pkg.name, version: pkg.version, dir: packageDir };
}

function readJson(file: string): Record<string, unknown> | undefined {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

export async function n8nCommand(instance: N8nInstance, args: string[], timeoutMs = 120_000) {
	const { nodeBin, n8nScript } = instance.install;
	return run(nodeBin, [n8nScript, ...args], {
		cwd: instance.userFolder,
		env: instance.env,
		timeoutMs,
	});
}

async function importFile(instance: N8nInstance, kind: 'credentials' | 'workflow', data: unknown) {
	const file = join(instance.userFolder, `import-${kind}-${Date.now()}.json`);
	// Credentials are in clear text here: readable by this user only, and deleted right after.
	writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
	try {
		const result = await n8nCommand(instance, [`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) {
			const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20);
			throw new Error(`n8n import:${kind} failed (exit ${result.code}):\n${output.join('\n')}`);
		}
	} finally {
		rmSync(file, { force: true });
	}
}

/** `data` as a plain object: n8n encrypts it with the instance's key on import. */
export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export async function importCredentials(instance: N8nInstance, credentials: CredentialToImport[]) {
	progress(`importing ${credentials.length} credential(s)`);
	await importFile(instance, 'credentials', credentials);
}

/** One import for several workflows: every n8n command pays a few seconds of start-up. */
export async function importWorkflow(instance: N8nInstance, workflows: { id: string }[]) {
	progress(`importing workflow(s) ${workflows.map((w) => w.id).join(', ')}`);
	await importFile(instance, 'workflow', workflows);
}

export interface Execution {
	exitCode: number;
	/** The run n8n printed; also present when the workflow failed. */
	run?: N8nRun;
	stdout: string;
	stderr: string;
}

export async function executeWorkflow(instance: N8nInstance, workflowId: string) {
	progress(`executing workflow ${workflowId} with n8n ${instance.install.line.version}`);
	const result = await n8nCommand(instance, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const execution: Execution = {
		exitCode: result.code,
		run: extractRun(result.stdout) ?? extractRun(result.stderr),
		stdout: result.stdout,
		stderr: result.stderr,
	};
	return execution;
}
