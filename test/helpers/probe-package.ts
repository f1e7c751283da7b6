import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A throwaway community package, in plain compiled JS, that exercises the engine paths the
// Patchworks node relies on without depending on it: httpRequestWithAuthentication, a
// login credential with an expirable token, an API-key credential, hints and binary data.

const packageJson = {
	name: 'n8n-nodes-probe',
	version: '0.0.1',
	n8n: {
		n8nNodesApiVersion: 1,
		nodes: ['dist/nodes/Probe.node.js'],
		credentials: [
			'dist/credentials/ProbeApi.credentials.js',
			'dist/credentials/ProbeKeyApi.credentials.js',
			'dist/credentials/ProbeDualApi.credentials.js',
		],
	},
};

const probeNode = `
'use strict';
class Probe {
	constructor() {
		this.description = {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: 'Sends one authenticated POST per item',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'probeApi' }, { name: 'probeKeyApi' }, { name: 'probeDualApi' }],
			properties: [
				{ displayName: 'Path', name: 'path', type: 'string', default: '/run', required: true },
				{ displayName: 'Credential Type', name: 'credentialType', type: 'string', default: 'probeApi' },
				{ displayName: 'Handle Status Itself', name: 'handleStatus', type: 'boolean', default: false },
				{ displayName: 'Send Binary', name: 'sendBinary', type: 'boolean', default: false },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		const credentialType = this.getNodeParameter('credentialType', 0);
		const { baseUrl } = await this.getCredentials(credentialType);
		const output = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const handleStatus = this.getNodeParameter('handleStatus', i);
				const body = { item: items[i].json };
				if (this.getNodeParameter('sendBinary', i)) {
					body.binary = (await this.helpers.getBinaryDataBuffer(i, 'data')).toString('utf8');
				}
				const response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					method: 'POST',
					url: baseUrl + this.getNodeParameter('path', i),
					body,
					json: true,
					...(handleStatus && { ignoreHttpStatusErrors: true, returnFullResponse: true }),
				});
				const json = handleStatus ? { statusCode: response.statusCode, body: response.body } : response;
				output.push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				output.push({ json: { error: error.message }, pairedItem: { item: i } });
			}
		}
		this.addExecutionHints({ message: 'Probe sent ' + items.length + ' request(s)', location: 'outputPane' });
		return [output];
	}
}
module.exports = { Probe };
`;

const probeApi = `
'use strict';
class ProbeApi {
	constructor() {
		this.name = 'probeApi';
		this.displayName = 'Probe API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', typeOptions: { expirable: true }, default: '' },
			{ displayName: 'Region', name: 'region', type: 'options', options: [{ name: 'EU', value: 'eu' }, { name: 'US', value: 'us' }], default: 'eu' },
			{ displayName: 'US Host', name: 'usHost', type: 'string', default: 'us.example', displayOptions: { show: { region: ['us'] } } },
		];
		this.authenticate = {
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}', 'X-Region': '={{$credentials.region}}' } },
		};
	}
	async preAuthentication(credentials) {
		const { token } = await this.helpers.httpRequest({
			method: 'POST',
			url: credentials.baseUrl + '/login',
			body: { password: credentials.password },
			json: true,
		});
		return { sessionToken: token };
	}
}
module.exports = { ProbeApi };
`;

const probeKeyApi = `
'use strict';
class ProbeKeyApi {
	constructor() {
		this.name = 'probeKeyApi';
		this.displayName = 'Probe Key API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { 'X-API-Key': '={{$credentials.apiKey}}' } } };
	}
}
module.exports = { ProbeKeyApi };
`;

// Both modes in one credential, as the Patchworks credential has them: the token field is
// shown only for the login mode, and the hook does nothing in API-key mode.
const probeDualApi = `
'use strict';
const session = { show: { authentication: ['session'] } };
class ProbeDualApi {
	constructor() {
		this.name = 'probeDualApi';
		this.displayName = 'Probe Dual API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [{ name: 'API Key', value: 'apiKey' }, { name: 'Session', value: 'session' }], default: 'apiKey' },
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', displayOptions: { show: { authentication: ['apiKey'] } } },
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', displayOptions: session },
			{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', typeOptions: { expirable: true }, default: '', displayOptions: session },
		];
		this.authenticate = { type: 'generic', properties: { headers: { 'X-API-Key': '={{$credentials.apiKey}}' } } };
	}
	async preAuthentication(credentials) {
		if (credentials.authentication !== 'session') return {};
		throw new Error('not used in these tests');
	}
}
module.exports = { ProbeDualApi };
`;

/** Writes the probe package to a new temp folder and returns the folder. */
export function createProbePackage(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-probe-'));
	const files: Record<string, string> = {
		'package.json': JSON.stringify(packageJson, null, 2),
		'dist/nodes/Probe.node.js': probeNode,
		'dist/credentials/ProbeApi.credentials.js': probeApi,
		'dist/credentials/ProbeKeyApi.credentials.js': probeKeyApi,
		'dist/credentials/ProbeDualApi.credentials.js': probeDualApi,
	};
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), text);
	}
	return dir;
}
