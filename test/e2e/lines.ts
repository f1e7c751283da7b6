import { N8N_LINES, lineById, type N8nLine } from '../../scripts/n8n';

/** The n8n lines to test: all, or those in PATCHWORKS_E2E_N8N (comma-separated, e.g. "2.40"). */
export function linesUnderTest(): N8nLine[] {
	const wanted = process.env.PATCHWORKS_E2E_N8N?.split(',').filter((id) => id.trim());
	return wanted?.length ? wanted.map((id) => lineById(id)) : Object.values(N8N_LINES);
}

// Set by global-setup.ts; the test files run in the same process (--runInBand).
export const TARBALL_ENV = 'PATCHWORKS_E2E_TARBALL';
export const PACK_DIR_ENV = 'PATCHWORKS_E2E_PACK_DIR';

export function packedTarball(): string {
	const tarball = process.env[TARBALL_ENV];
	if (!tarball) throw new Error(`${TARBALL_ENV} is not set: run through jest.e2e.config.js`);
	return tarball;
}
