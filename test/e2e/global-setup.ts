import { ensureN8n, packRepository, progress } from '../../scripts/n8n';
import { linesUnderTest, PACK_DIR_ENV, TARBALL_ENV } from './lines';

export default async function globalSetup() {
	const lines = linesUnderTest();
	progress(`e2e: n8n ${lines.map((line) => line.version).join(' and ')}`);
	// In parallel: a cold install is minutes of mostly network and compiler time per line.
	const [packed] = await Promise.all([packRepository(), ...lines.map((line) => ensureN8n(line))]);
	process.env[TARBALL_ENV] = packed.tarball;
	process.env[PACK_DIR_ENV] = packed.dir;
}
