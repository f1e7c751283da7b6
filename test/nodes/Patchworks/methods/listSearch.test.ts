import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { Flow, Standin } from '../../../standin';
import { credentialFor, useStandin } from '../setup';
import { listSearch } from './loadOptions';

const trail = (standin: Standin) =>
	standin.requests.map((r) => `${r.method} ${decodeURIComponent(r.url)} ${r.replyStatus}`);

/** `count` flows with ids from 1; every tenth is an "Orders" flow. */
function manyFlows(count: number): Flow[] {
	return Array.from({ length: count }, (_, i) => ({
		id: i + 1,
		name: (i + 1) % 10 === 0 ? `Orders export ${i + 1}` : `Sync ${i + 1}`,
		versions: [{ id: 1, number: 1, status: 'deployed' }],
		deployed: 1,
	}));
}

const getManyParameters = (flowId: unknown): INodeParameters => ({
	resource: 'flowRun',
	operation: 'getMany',
	flowId: flowId as INodeParameters[string],
	filters: { flowVersion: { __rl: true, mode: 'list', value: 'deployed' } },
});

describe('searchFlows: the Flow picker', () => {
	const standin = useStandin({ flows: manyFlows(700) });
	const search = (
		filter?: string,
		paginationToken?: string,
		auth?: ICredentialDataDecryptedObject,
	) =>
		listSearch('searchFlows', {
			parameters: getManyParameters({ __rl: true, mode: 'list', value: '' }),
			credentials: credentialFor(standin(), auth),
			filter,
			paginationToken,
		});

	it('lists a page of flows by name and ID, with a token for the next page', async () => {
		const first = await search();

		expect(trail(standin())).toEqual(['GET /api/v1/flows?page=1&per_page=100 200']);
		expect(first.results).toHaveLength(100);
		expect(first.results.slice(8, 10)).toEqual([
			{ name: 'Sync 9 (ID 9)', value: '9' },
			{ name: 'Orders export 10 (ID 10)', value: '10' },
		]);
		expect(first.paginationToken).toBe('2');
	});

	it('goes on from the token, and gives none after the last page', async () => {
		const last = await search(undefined, '7');

		expect(trail(standin())).toEqual(['GET /api/v1/flows?page=7&per_page=100 200']);
		expect(last.results.map((item) => item.value)).toEqual(
			Array.from({ length: 100 }, (_, i) => String(601 + i)),
		);
		expect(last.paginationToken).toBeUndefined();
	});

	it('searches names in any case, reading pages until it has enough matches', async () => {
		const found = await search('  ORDERS export ');

		expect(trail(standin())).toEqual(
			[1, 2, 3, 4, 5].map((page) => `GET /api/v1/flows?page=${page}&per_page=100 200`),
		);
		expect(found.results).toHaveLength(50);
		expect(found.results[0]).toEqual({ name: 'Orders export 10 (ID 10)', value: '10' });
		expect(found.paginationToken).toBe('6');
	});

	it('reads at most five pages per call when matches are rare, then hands back a token', async () => {
		const first = await search('export 690');
		expect(first).toEqual({ results: [], paginationToken: '6' });

		const second = await search('export 690', first.paginationToken);

		expect(second).toEqual({
			results: [{ name: 'Orders export 690 (ID 690)', value: '690' }],
		});
		expect(trail(standin()).slice(5)).toEqual([
			'GET /api/v1/flows?page=6&per_page=100 200',
			'GET /api/v1/flows?page=7&per_page=100 200',
		]);
	});

	it('logs in first with email and password', async () => {
		const found = await search('export 10 ', undefined, {
			authentication: 'emailPassword',
			email: 'ops@example.com',
			password: 'correct horse',
		});

		expect(found.results[0]).toEqual({ name: 'Orders export 10 (ID 10)', value: '10' });
		expect(trail(standin())[0]).toBe('POST /fabric/api/login 200');
	});
});

describe('searchFlows: errors show as messages, never as an empty list', () => {
	const standin = useStandin();
	const search = (credentials: ICredentialDataDecryptedObject) =>
		listSearch('searchFlows', { parameters: getManyParameters(''), credentials });

	it('says a rejected key is rejected, and which code (so n8n offers to fix the credential)', async () => {
		await expect(
			search(credentialFor(standin(), { authentication: 'apiKey', apiKey: 'revoked-key' })),
		).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Patchworks rejected the credential (401)',
			description:
				'Patchworks said: Unauthenticated.\nCheck the API key in the Patchworks credential, or create a new one in Patchworks under General settings → API keys.',
			httpCode: '401',
		});
	});

	it('says when the credential may not read flows', async () => {
		standin().script({ path: '/api/v1/flows', status: 403, body: { message: 'Unauthorized' } });

		await expect(search(credentialFor(standin()))).rejects.toMatchObject({
			message: 'The credential may not read the process flows (403)',
			httpCode: '403',
		});
	});

	it('says when a wrong login is refused', async () => {
		const login = { authentication: 'emailPassword', email: 'ops@example.com', password: 'no' };

		await expect(search(credentialFor(standin(), login))).rejects.toMatchObject({
			message:
				'Login to Patchworks failed: it refused ops@example.com (401). Check the email and password in the credential.',
		});
	});

	it('says when the Core API cannot be reached', async () => {
		const credentials = { ...credentialFor(standin()), coreUrl: 'http://127.0.0.1:1' };

		await expect(search(credentials)).rejects.toMatchObject({
			message: 'Could not connect to 127.0.0.1:1 (ECONNREFUSED)',
			description: 'Check the Core API URL of the credential and that the host is reachable.',
		});
	});

	it('says when the reply is not a list', async () => {
		standin().script({ path: '/api/v1/flows', status: 200, rawBody: '<html>Login</html>' });

		await expect(search(credentialFor(standin()))).rejects.toMatchObject({
			message: 'Patchworks sent a reply that could not be read for the process flows',
			description: 'Expected JSON with a data field. Reply: <html>Login</html>',
		});
	});
});

describe('searchFlows and searchVersions with JSON:API resources', () => {
	const standin = useStandin({ listStyle: 'attributes' });

	it('reads names, versions and statuses inside attributes', async () => {
		const credentials = credentialFor(standin());
		const flows = await listSearch('searchFlows', {
			parameters: getManyParameters(''),
			credentials,
			filter: 'stock',
		});
		const versions = await listSearch('searchVersions', {
			parameters: getManyParameters({ __rl: true, mode: 'list', value: '101' }),
			credentials,
			path: 'parameters.filters.flowVersion',
		});

		expect(flows.results).toEqual([{ name: 'Stock sync (ID 102)', value: '102' }]);
		expect(versions.results.map((item) => item.name)).toEqual([
			'Deployed Version',
			'Version 1 · ID 1 · DEPLOYED',
			'Version 2 · ID 2 · draft',
		]);
	});
});

describe('searchVersions: the Version picker', () => {
	const standin = useStandin({
		flows: [
			{
				id: 101,
				name: 'Orders to ERP',
				versions: [
					{ id: 56, number: 1, status: 'inactive' },
					{ id: 57, number: 2, status: 'deployed' },
					{ id: 60, number: 3, status: 'draft' },
				],
				deployed: 2,
			},
		],
	});
	const search = (flowId: unknown, filter?: string) =>
		listSearch('searchVersions', {
			parameters: getManyParameters(flowId),
			credentials: credentialFor(standin()),
			path: 'parameters.filters.flowVersion',
			filter,
		});

	it('lists Deployed Version first, then each version with number, ID and status', async () => {
		const found = await search({ __rl: true, mode: 'list', value: '101' });

		expect(trail(standin())).toEqual(['GET /api/v1/flows/101/versions?page=1&per_page=100 200']);
		expect(found).toEqual({
			results: [
				{
					name: 'Deployed Version',
					value: 'deployed',
					description: 'Whatever version is deployed when the run starts',
				},
				{ name: 'Version 1 · ID 56 · inactive', value: '56' },
				{ name: 'Version 2 · ID 57 · DEPLOYED', value: '57' },
				{ name: 'Version 3 · ID 60 · draft', value: '60' },
			],
		});
	});

	it.each([
		['a plain string saved before Flow was a picker', '101'],
		['By ID', { __rl: true, mode: 'id', value: ' 101 ' }],
		['By URL', { __rl: true, mode: 'url', value: 'https://app.wearepatchworks.com/flows/101' }],
	])('reads the flow from %s', async (_how, flowId) => {
		const found = await search(flowId);

		expect(found.results).toHaveLength(4);
		expect(standin().requests[0].path).toBe('/api/v1/flows/101/versions');
	});

	it('filters on what the list shows', async () => {
		const found = await search('101', 'DRAFT');

		expect(found.results).toEqual([{ name: 'Version 3 · ID 60 · draft', value: '60' }]);
	});

	it.each([
		[{ __rl: true, mode: 'list', value: '' }, 'Choose a Flow first'],
		[
			{ __rl: true, mode: 'id', value: '={{ $json.flowId }}' },
			'The Flow is an expression, so its versions cannot be listed here',
		],
		[{ __rl: true, mode: 'id', value: 'abc' }, 'The Flow "abc" is not a flow ID'],
	])('says what to do instead of listing nothing for Flow %j', async (flowId, message) => {
		await expect(search(flowId)).rejects.toMatchObject({ message });
		expect(standin().requests).toEqual([]);
	});

	it('says when the flow does not exist', async () => {
		await expect(search('999')).rejects.toMatchObject({
			message: 'Patchworks found no flow 999 (404)',
			description:
				'Patchworks said: Flow not found.\nCheck the Flow: it may have been deleted, or belong to another company profile.',
			httpCode: '404',
		});
	});
});
