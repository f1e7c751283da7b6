import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n-core writes its instance settings (an encryption key) under N8N_USER_FOLDER on first use;
// a folder per test file keeps runs isolated and the developer's ~/.n8n untouched.
const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-jest-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// The engine logs every node error to the console; N8N_LOG_LEVEL=debug brings it back.
process.env.N8N_LOG_LEVEL ??= 'silent';

afterAll(() => {
	rmSync(userFolder, { recursive: true, force: true });
});
