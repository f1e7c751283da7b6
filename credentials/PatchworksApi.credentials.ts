import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

const PRODUCTION = {
	startUrl: 'https://start.wearepatchworks.com',
	coreUrl: 'https://core.wearepatchworks.com',
	loginUrl: 'https://app.wearepatchworks.com/fabric/api/login',
};

const onlyFor = (authentication: string) => ({ show: { authentication: [authentication] } });
const onlyCustom = { show: { environment: ['custom'] } };

// Resolved by n8n for every request; trimming protects against keys pasted with a newline.
const AUTHORIZATION =
	"={{ $credentials.authentication === 'apiKey' ? String($credentials.apiKey).trim() : " +
	"'Bearer ' + String($credentials.authentication === 'accessToken' ? " +
	'$credentials.accessToken : $credentials.sessionToken).trim() }}';

const CORE_URL =
	"={{ $credentials.environment === 'custom' ? " +
	"String($credentials.coreUrl).trim().replace(/\\/+$/, '') : '" +
	PRODUCTION.coreUrl +
	"' }}";

export class PatchworksApi implements ICredentialType {
	name = 'patchworksApi';

	displayName = 'Patchworks API';

	icon: Icon = { light: 'file:../icons/patchworks.svg', dark: 'file:../icons/patchworks.dark.svg' };

	documentationUrl =
		'https://doc.wearepatchworks.com/product-documentation/developer-hub/patchworks-core-api/core-api-authentication/api-keys';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'API Key',
					value: 'apiKey',
					description: 'A company API key from General settings → API keys. Keys do not expire.',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'A login token you obtained yourself, sent as a Bearer token',
				},
				{
					name: 'Email and Password',
					value: 'emailPassword',
					description: 'Dashboard login; n8n logs in and renews the 24-hour token by itself',
				},
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: onlyFor('apiKey'),
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Without the word Bearer; n8n adds it',
			displayOptions: onlyFor('accessToken'),
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			displayOptions: onlyFor('emailPassword'),
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: onlyFor('emailPassword'),
		},
		{
			// Filled by preAuthentication; n8n clears and refills it when a request gets 401.
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
			displayOptions: onlyFor('emailPassword'),
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'Patchworks cloud' },
				{
					name: 'Custom',
					value: 'custom',
					description: 'Self-hosted Patchworks or a test server',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Start API URL',
			name: 'startUrl',
			type: 'string',
			default: PRODUCTION.startUrl,
			description: 'Base URL of the service that starts process flows, without /api/v1',
			displayOptions: onlyCustom,
		},
		{
			displayName: 'Core API URL',
			name: 'coreUrl',
			type: 'string',
			default: PRODUCTION.coreUrl,
			description: 'Base URL of the Core API, without /api/v1',
			displayOptions: onlyCustom,
		},
		{
			displayName: 'Login URL',
			name: 'loginUrl',
			type: 'string',
			default: PRODUCTION.loginUrl,
			description: 'Full URL of the login endpoint, used with Email and Password',
			displayOptions: onlyCustom,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication !== 'emailPassword') return {};
		const email = String(credentials.email ?? '').trim();
		const loginUrl =
			credentials.environment === 'custom'
				? String(credentials.loginUrl ?? '').trim()
				: PRODUCTION.loginUrl;
		// The login endpoints disagree on the field name (email or username); both are sent.
		// Status errors are read here, not thrown: a thrown 401 would make n8n log in twice.
		const reply = (await this.helpers.httpRequest({
			method: 'POST',
			url: loginUrl,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: { email, username: email, password: credentials.password },
			json: true,
			timeout: 30_000,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as { statusCode: number; body: unknown };
		if (reply.statusCode === 401 || reply.statusCode === 422) {
			throw new Error(
				`Login to Patchworks failed: it refused ${email} (${reply.statusCode}). Check the email and password in the credential.`,
			);
		}
		const body = (typeof reply.body === 'object' && reply.body ? reply.body : {}) as IDataObject;
		const token = body.token ?? body.access_token ?? (body.data as IDataObject | undefined)?.token;
		if (reply.statusCode >= 300 || typeof token !== 'string' || token.trim() === '') {
			throw new Error(
				`Login to Patchworks failed: ${loginUrl} gave HTTP ${reply.statusCode} and no token. Check the Login URL.`,
			);
		}
		return { sessionToken: token.trim() };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: AUTHORIZATION } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: CORE_URL,
			url: '/api/v1/flows',
			qs: { per_page: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Patchworks rejected these credentials (401): check the key, token or login',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'These credentials work but may not read process flows (403)',
				},
			},
		],
	};
}
