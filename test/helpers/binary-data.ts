import path from 'node:path';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';

// n8n-core ships its own copy of @n8n/di (0.17) while the repo root has another (0.16, from
// @n8n/node-cli): only the copy n8n-core resolves holds the engine's services.
const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
const { Container } = require(
	require.resolve('@n8n/di', { paths: [coreDir] }),
) as typeof import('@n8n/di');

/**
 * Switches binary data to n8n's filesystem mode (the 2.x default for a regular instance):
 * `prepareBinaryData` then writes files under `storagePath` and items carry only an id.
 * Without this call binary data stays inline (base64) in the items. The service is a
 * singleton of the test file, so call it once in `beforeAll`; it cannot be switched back.
 */
export async function useFilesystemBinaryData(storagePath: string): Promise<void> {
	const config = Container.get(BinaryDataConfig);
	config.mode = 'filesystem';
	config.localStoragePath = storagePath;
	await Container.get(BinaryDataService).init();
}
