import { rmSync } from 'node:fs';
import { PACK_DIR_ENV } from './lines';

export default function globalTeardown() {
	const dir = process.env[PACK_DIR_ENV];
	if (dir) rmSync(dir, { recursive: true, force: true });
}
