import Module from 'node:module';
import { join } from 'node:path';

import type { IVersionedNodeType } from 'n8n-workflow';

/**
 * n8n's own HTTP Request node, taken from a real n8n install. Its imports of n8n-workflow and
 * n8n-core are pointed at the copies the engine here runs, so both nodes share one engine.
 */
export function loadHttpRequestNode(n8nDir: string): IVersionedNodeType {
	const shared: Record<string, string> = {
		'n8n-workflow': require.resolve('n8n-workflow'),
		'n8n-core': require.resolve('n8n-core'),
	};
	const loader = Module as unknown as {
		_resolveFilename: (request: string, ...rest: unknown[]) => string;
	};
	const resolve = loader._resolveFilename;
	loader._resolveFilename = function (request: string, ...rest: unknown[]) {
		return shared[request] ?? resolve.call(this, request, ...rest);
	};
	const file = join(
		n8nDir,
		'node_modules/n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(file) as { HttpRequest: new () => IVersionedNodeType };
	return new HttpRequest();
}
