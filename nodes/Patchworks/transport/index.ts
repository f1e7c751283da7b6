import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { AuthMethod } from '../helpers/errors';

/** Operations and the editor's pickers both send requests. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'patchworksApi';
export const DEFAULT_TIMEOUT_MS = 60_000;
const PRODUCTION_START_URL = 'https://start.wearepatchworks.com';
const PRODUCTION_CORE_URL = 'https://core.wearepatchworks.com';

export interface Connection {
	auth: AuthMethod;
	startUrl: string;
	coreUrl: string;
}

export interface Reply {
	statusCode: number;
	body: string;
	headers: Record<string, unknown>;
}

/** No HTTP reply at all: a timeout, a refused connection, a certificate, a failed login. */
export interface Failure {
	code: string | undefined;
	message: string;
}

export type Outcome = { reply: Reply } | { failure: Failure };

const baseUrl = (value: unknown) =>
	String(value ?? '')
		.trim()
		.replace(/\/+$/, '');

export async function getConnection(this: RequestContext): Promise<Connection> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const custom = credentials.environment === 'custom';
	return {
		auth: (credentials.authentication as AuthMethod | undefined) ?? 'apiKey',
		startUrl: custom ? baseUrl(credentials.startUrl) : PRODUCTION_START_URL,
		coreUrl: custom ? baseUrl(credentials.coreUrl) : PRODUCTION_CORE_URL,
	};
}

function toReply(response: {
	status?: number;
	statusCode?: number;
	data?: unknown;
	body?: unknown;
	headers?: unknown;
}): Reply {
	const raw = response.body ?? response.data;
	return {
		statusCode: Number(response.statusCode ?? response.status),
		body: typeof raw === 'string' ? raw : raw === undefined ? '' : JSON.stringify(raw),
		headers: (response.headers ?? {}) as Record<string, unknown>,
	};
}

/**
 * Sends one request through n8n, so its proxy, TLS and credential handling apply. The reply
 * is read as text so that no digit of a run id is lost. Status errors come back as replies;
 * only with Email and Password is a 401 thrown, because that is what makes n8n log in again
 * and resend once. Nothing is retried here.
 */
export async function patchworksRequest(
	this: RequestContext,
	connection: Connection,
	options: IHttpRequestOptions & { timeout: number },
): Promise<Outcome> {
	const refreshOn401 = connection.auth === 'emailPassword';
	const request: IHttpRequestOptions = {
		...options,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...options.headers },
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: !refreshOn401,
	};
	try {
		const response = await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			request,
		);
		return { reply: toReply(response) };
	} catch (error) {
		const cause = (error as { cause?: unknown }).cause as Record<string, unknown> | undefined;
		const response = (cause?.response ?? (error as Record<string, unknown>).response) as
			| Parameters<typeof toReply>[0]
			| undefined;
		if (response?.status !== undefined) return { reply: toReply(response) };
		// Only the code and message are kept: the underlying error may carry request headers.
		const code = (cause?.code ?? (error as { code?: unknown }).code) as string | undefined;
		return { failure: { code, message: String(cause?.message ?? (error as Error).message) } };
	}
}
