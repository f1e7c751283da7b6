import type { AuthMethod } from './errors';
import { apiMessage, REJECTED_ADVICE } from './errors';

// Reads change nothing in Patchworks, so unlike a failed start, a failed read is safe to repeat.
const SAFE_TO_REPEAT = 'Nothing was changed in Patchworks: it is safe to run this again.';

export interface Explained {
	message: string;
	description: string;
}

function saidBy(body: string): string {
	const said = apiMessage(body);
	return said === undefined ? '' : `Patchworks said: ${said}`;
}

/**
 * A failed read of the Core API, in the user's terms. `what` names the thing read ("flow run
 * 184467"); `notFound` says what a 404 most likely means for it.
 */
export function explainReadFailure(
	reply: { statusCode: number; body: string; retryAfter?: string },
	what: string,
	auth: AuthMethod,
	notFound = 'Check the ID.',
): Explained {
	const status = reply.statusCode;
	const explain = (message: string, advice: string) => ({
		message,
		description: [saidBy(reply.body), advice].filter(Boolean).join('\n'),
	});
	if (status === 401)
		return explain('Patchworks rejected the credential (401)', REJECTED_ADVICE[auth]);
	if (status === 403) {
		return explain(
			`The credential may not read ${what} (403)`,
			'Use an API key (manager scope) or the login of a user who can see process flows and run logs.',
		);
	}
	if (status === 404) return explain(`Patchworks found no ${what} (404)`, notFound);
	if (status === 429) {
		const wait = reply.retryAfter ? `: retry after ${reply.retryAfter} seconds` : '';
		return explain(
			`Patchworks is limiting requests (429)${wait}`,
			`Too many requests in a short time. ${SAFE_TO_REPEAT}`,
		);
	}
	if (status >= 500) {
		return explain(`Patchworks had a server error (${status}) reading ${what}`, SAFE_TO_REPEAT);
	}
	return explain(`Patchworks replied with HTTP ${status} reading ${what}`, SAFE_TO_REPEAT);
}

/** A read that got no HTTP reply: a timeout, a refused connection, a certificate, a login. */
export function explainReadNetworkFailure(
	failure: { code?: string; message: string },
	url: string,
	timeoutMs: number,
): Explained {
	const code = failure.code ?? '';
	const host = new URL(url).host;
	if (failure.message.startsWith('Login to Patchworks failed')) {
		return { message: failure.message, description: 'Nothing was read from Patchworks.' };
	}
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(failure.message)) {
		return {
			message: `No reply from Patchworks within ${timeoutMs} ms`,
			description: SAFE_TO_REPEAT,
		};
	}
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			message: `Could not connect to ${host} (${code})`,
			description: 'Check the Core API URL of the credential and that the host is reachable.',
		};
	}
	if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code) || /certificate/i.test(failure.message)) {
		return {
			message: `The TLS certificate of ${host} was not accepted (${code || 'certificate error'})`,
			description:
				'Trust the certificate’s authority on the n8n host (for example with NODE_EXTRA_CA_CERTS).',
		};
	}
	return {
		message: `The request to ${host} failed${code ? ` (${code})` : ''}: ${failure.message}`,
		description: SAFE_TO_REPEAT,
	};
}
