import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Target } from './payload';

export interface FailedReply {
	statusCode: number;
	body: string;
	retryAfter?: string;
}

export type AuthMethod = 'apiKey' | 'accessToken' | 'emailPassword';

const MAY_HAVE_STARTED =
	'The run may have started: check the flow’s run logs in Patchworks before running this again.';

/** What Patchworks said in a Laravel-style error body ({message, errors}), if anything. */
export function apiMessage(body: string): string | undefined {
	try {
		const parsed = JSON.parse(body) as { message?: unknown; errors?: Record<string, unknown> };
		const details = Object.values(parsed.errors ?? {})
			.flat()
			.filter((entry): entry is string => typeof entry === 'string');
		const message = typeof parsed.message === 'string' ? parsed.message : undefined;
		const parts = [message, ...details.filter((entry) => entry !== message)];
		const text = parts.filter(Boolean).join(' ');
		return text === '' ? undefined : text;
	} catch {
		const text = body.trim().slice(0, 300);
		return text === '' ? undefined : text;
	}
}

/** What to do when Patchworks answers 401, for each way to authenticate. */
export const REJECTED_ADVICE: Record<AuthMethod, string> = {
	apiKey:
		'Check the API key in the Patchworks credential, or create a new one in Patchworks under General settings → API keys.',
	accessToken:
		'The access token is invalid or has expired: get a new token and update the Patchworks credential.',
	emailPassword:
		'Patchworks refused the token even after logging in again: check the email, password and Login URL in the credential.',
};

export function describeTarget(target: Target): string {
	return target.version === null
		? `flow ${target.flowId} (deployed version)`
		: `flow ${target.flowId} version ${target.version}`;
}

/** Turns a failed reply into what the user should read and do next. */
export function explainFailure(
	reply: FailedReply,
	target: Target,
	auth: AuthMethod,
): { message: string; description: string } {
	const said = apiMessage(reply.body);
	const fromApi = said === undefined ? '' : `Patchworks said: ${said}`;
	const what = describeTarget(target);
	const status = reply.statusCode;
	const explain = (message: string, advice: string) => ({
		message,
		description: [fromApi, advice].filter(Boolean).join('\n'),
	});
	switch (true) {
		case status === 401:
			return explain(`Patchworks rejected the credential (401)`, REJECTED_ADVICE[auth]);
		case status === 403:
			return explain(
				`The credential may not start ${what} (403)`,
				'API keys carry manager scope; some actions need an administrator’s access token.',
			);
		case status === 404:
			return explain(
				`Patchworks found no ${what} (404)`,
				'Check Flow ID (the number above the flow’s title on the canvas) and Version (the version number, or empty for the deployed one).',
			);
		case status === 413:
			return explain(
				`The payload is larger than Patchworks accepts (413)`,
				'Patchworks takes at most 8 MB per request: send fewer items per run, for example with One Run per Item.',
			);
		case status === 422 && /deploy/i.test(said ?? ''):
			return explain(
				`Flow ${target.flowId} has no deployed version (422)`,
				'Deploy a version of the flow in Patchworks, or set Version to the version to run.',
			);
		case status === 422:
			return explain(
				`Patchworks refused the payload for ${what} (422)`,
				'The payload must be a non-empty string; check Data Mapping and the fields being sent.',
			);
		case status === 429: {
			const wait = reply.retryAfter ? `: retry after ${reply.retryAfter} seconds` : '';
			return explain(
				`Patchworks is limiting requests (429)${wait}`,
				'Too many requests in a short time. Slow the workflow down, or retry later.',
			);
		}
		case status >= 500:
			return explain(`Patchworks had a server error (${status})`, MAY_HAVE_STARTED);
		default:
			return explain(`Patchworks replied with HTTP ${status} for ${what}`, MAY_HAVE_STARTED);
	}
}

/** Errors with no HTTP reply: timeouts, refused connections, certificates. */
export function explainNetworkError(
	error: { code?: string; message?: string },
	url: string,
	timeoutMs: number,
): { message: string; description: string } {
	const code = error.code ?? '';
	const host = new URL(url).host;
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(error.message ?? '')) {
		return {
			message: `No reply from Patchworks within the timeout of ${timeoutMs} ms`,
			description: `${MAY_HAVE_STARTED} Raise Timeout in the node’s options if Patchworks is slow.`,
		};
	}
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			message: `Could not connect to ${host} (${code})`,
			description: 'Check the Start API URL of the credential and that the host is reachable.',
		};
	}
	if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code) || /certificate/i.test(error.message ?? '')) {
		return {
			message: `The TLS certificate of ${host} was not accepted (${code || 'certificate error'})`,
			description:
				'Trust the certificate’s authority on the n8n host (for example with NODE_EXTRA_CA_CERTS).',
		};
	}
	return {
		message: `The request to ${host} failed${code ? ` (${code})` : ''}: ${error.message ?? ''}`,
		description: MAY_HAVE_STARTED,
	};
}

/** A NodeApiError that keeps the message given to it. */
export function apiError(
	node: INode,
	explained: { message: string; description: string },
	extra: { itemIndex: number; httpCode?: string },
): NodeApiError {
	const error = new NodeApiError(node, { message: explained.message }, { ...explained, ...extra });
	// NodeApiError swaps messages that mention a network error code for generic ones.
	error.message = explained.message;
	return error;
}
