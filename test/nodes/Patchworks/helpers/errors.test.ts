import { explainFailure, explainNetworkError } from '../../../../nodes/Patchworks/helpers/errors';

const flow = { flowId: '101', version: '1' };
const deployed = { flowId: '101', version: null };

describe('explainFailure', () => {
	it('tells API key users where to get a new key on 401', () => {
		expect(
			explainFailure({ statusCode: 401, body: '{"message":"Unauthenticated."}' }, flow, 'apiKey'),
		).toEqual({
			message: 'Patchworks rejected the credential (401)',
			description:
				'Patchworks said: Unauthenticated.\nCheck the API key in the Patchworks credential, or create a new one in Patchworks under General settings → API keys.',
		});
	});

	it('tells access token users to renew the token on 401', () => {
		expect(explainFailure({ statusCode: 401, body: '' }, flow, 'accessToken').description).toBe(
			'The access token is invalid or has expired: get a new token and update the Patchworks credential.',
		);
	});

	it('says what to do when no version is deployed', () => {
		expect(
			explainFailure(
				{ statusCode: 422, body: '{"message":"No deployed version"}' },
				deployed,
				'apiKey',
			),
		).toEqual({
			message: 'Flow 101 has no deployed version (422)',
			description:
				'Patchworks said: No deployed version\nDeploy a version of the flow in Patchworks, or set Version to the version to run.',
		});
	});

	it('includes Laravel validation details on other 422s', () => {
		const body =
			'{"message":"The given data was invalid.","errors":{"payload":["The payload field is required."]}}';
		expect(explainFailure({ statusCode: 422, body }, flow, 'apiKey')).toEqual({
			message: 'Patchworks refused the payload for flow 101 version 1 (422)',
			description:
				'Patchworks said: The given data was invalid. The payload field is required.\nThe payload must be a non-empty string; check Data Mapping and the fields being sent.',
		});
	});

	it.each([
		[403, 'The credential may not start flow 101 version 1 (403)'],
		[404, 'Patchworks found no flow 101 version 1 (404)'],
		[413, 'The payload is larger than Patchworks accepts (413)'],
		[500, 'Patchworks had a server error (500)'],
		[502, 'Patchworks had a server error (502)'],
		[418, 'Patchworks replied with HTTP 418 for flow 101 version 1'],
	])('explains HTTP %i', (statusCode, message) => {
		expect(explainFailure({ statusCode, body: '' }, flow, 'apiKey').message).toBe(message);
	});

	it('mentions Retry-After seconds on 429', () => {
		expect(
			explainFailure({ statusCode: 429, body: '', retryAfter: '2' }, flow, 'apiKey').message,
		).toBe('Patchworks is limiting requests (429): retry after 2 seconds');
	});

	it('warns that a run may have started after a server error', () => {
		expect(
			explainFailure({ statusCode: 504, body: '<html>gateway</html>' }, flow, 'apiKey').description,
		).toBe(
			'Patchworks said: <html>gateway</html>\nThe run may have started: check the flow’s run logs in Patchworks before running this again.',
		);
	});
});

describe('explainNetworkError', () => {
	const url = 'https://start.example.com/api/v1/flows/101/manual/1';

	it('names the timeout and warns the run may have started', () => {
		expect(
			explainNetworkError(
				{ code: 'ECONNABORTED', message: 'timeout of 1000ms exceeded' },
				url,
				1000,
			),
		).toEqual({
			message: 'No reply from Patchworks within the timeout of 1000 ms',
			description:
				'The run may have started: check the flow’s run logs in Patchworks before running this again. Raise Timeout in the node’s options if Patchworks is slow.',
		});
	});

	it('names the host it could not reach', () => {
		expect(
			explainNetworkError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, url, 1)
				.message,
		).toBe('Could not connect to start.example.com (ECONNREFUSED)');
	});

	it('names certificate problems', () => {
		expect(
			explainNetworkError(
				{
					code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
					message: 'unable to verify the first certificate',
				},
				url,
				1,
			).message,
		).toBe(
			'The TLS certificate of start.example.com was not accepted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
		);
	});
});
