import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { WorkflowNodeSpec } from '../../helpers/engine';
import type { Standin, StandinOptions } from '../../standin';
import { startStandin } from '../../standin';

/** One stand-in per test file, its recordings cleared before each test. */
export function useStandin(options?: StandinOptions): () => Standin {
	let standin: Standin | undefined;
	beforeAll(async () => {
		standin = await startStandin(options);
	});
	beforeEach(() => standin?.reset());
	afterAll(async () => await standin?.close());
	return () => {
		if (standin === undefined) throw new Error('The stand-in has not started');
		return standin;
	};
}

export function credentialFor(
	standin: Standin,
	auth: ICredentialDataDecryptedObject = { authentication: 'apiKey', apiKey: 'test-key-123' },
): ICredentialDataDecryptedObject {
	return {
		...auth,
		environment: 'custom',
		startUrl: standin.url,
		coreUrl: standin.url,
		loginUrl: `${standin.url}/fabric/api/login`,
	};
}

export function startNode(
	parameters: INodeParameters = {},
	settings: Partial<WorkflowNodeSpec> = {},
): WorkflowNodeSpec {
	return {
		name: 'Patchworks',
		...settings,
		parameters: {
			resource: 'processFlow',
			operation: 'start',
			flowId: '101',
			flowVersion: '1',
			...parameters,
		},
	};
}

/** The exact body the string-payload endpoints expect for these payload values. */
export const bodyOf = (payloadValue: unknown) =>
	JSON.stringify({ payload: JSON.stringify(payloadValue) });

export const startPosts = (standin: Standin) =>
	standin.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/flows/'));
