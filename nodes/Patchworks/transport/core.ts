import type { Explained } from '../helpers/coreErrors';
import { explainReadFailure, explainReadNetworkFailure } from '../helpers/coreErrors';
import { apiError } from '../helpers/errors';
import type { Page } from '../helpers/pagination';
import { readPage, readResource } from '../helpers/pagination';
import { dashboardUrl } from '../helpers/runs';
import type { Connection, Outcome, RequestContext } from './index';
import { CREDENTIAL_TYPE, getConnection, patchworksRequest } from './index';

/** Reads run in operations and in the editor's pickers alike. */
export type CoreContext = RequestContext;

export interface CoreConnection extends Connection {
	/** Where run logs are shown, or null when a custom environment gives no way to know. */
	dashboardUrl: string | null;
}

export interface CoreRead {
	path: string;
	query?: Array<[string, string | number]>;
	/** What is read, for messages: "flow run 184467". */
	what: string;
	/** What a 404 most likely means for this read. */
	notFound?: string;
	itemIndex?: number;
}

export const READ_TIMEOUT_MS = 30_000;
// The largest page size the reference documents (List Flow Version Deployments).
export const MAX_PER_PAGE = 100;

export async function getCoreConnection(this: CoreContext): Promise<CoreConnection> {
	const connection = await getConnection.call(this);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return { ...connection, dashboardUrl: dashboardUrl(credentials) };
}

export function coreUrl(connection: Connection, read: Pick<CoreRead, 'path' | 'query'>): string {
	const query = new URLSearchParams(
		(read.query ?? []).map(([key, value]): [string, string] => [key, String(value)]),
	);
	const search = query.toString();
	return `${connection.coreUrl}${read.path}${search === '' ? '' : `?${search}`}`;
}

/** One GET, its outcome as it came: for callers that treat some failures as "not yet". */
export async function coreSend(
	this: CoreContext,
	connection: Connection,
	read: CoreRead,
): Promise<{ url: string; outcome: Outcome }> {
	const url = coreUrl(connection, read);
	const options = { method: 'GET' as const, url, timeout: READ_TIMEOUT_MS };
	return { url, outcome: await patchworksRequest.call(this, connection, options) };
}

export function explainOutcome(
	connection: Connection,
	read: CoreRead,
	url: string,
	outcome: Outcome,
): Explained {
	if ('failure' in outcome) {
		return explainReadNetworkFailure(outcome.failure, url, READ_TIMEOUT_MS);
	}
	const retryAfter = outcome.reply.headers['retry-after'];
	const reply = {
		...outcome.reply,
		retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
	};
	return explainReadFailure(reply, read.what, connection.auth, read.notFound);
}

/** The body of a successful GET; anything else is thrown as a NodeApiError saying why. */
export async function coreGet(
	this: CoreContext,
	connection: Connection,
	read: CoreRead,
): Promise<string> {
	const { url, outcome } = await coreSend.call(this, connection, read);
	if ('reply' in outcome && outcome.reply.statusCode >= 200 && outcome.reply.statusCode < 300) {
		return outcome.reply.body;
	}
	const httpCode = 'reply' in outcome ? String(outcome.reply.statusCode) : undefined;
	const explained = explainOutcome(connection, read, url, outcome);
	throw apiError(this.getNode(), explained, { itemIndex: read.itemIndex ?? 0, httpCode });
}

function unreadable(this: CoreContext, read: CoreRead, body: string) {
	const shown = body.length > 200 ? `${body.slice(0, 200)}…` : body;
	return apiError(
		this.getNode(),
		{
			message: `Patchworks sent a reply that could not be read for ${read.what}`,
			description: `Expected JSON with a data field. Reply: ${shown === '' ? '(empty)' : shown}`,
		},
		{ itemIndex: read.itemIndex ?? 0 },
	);
}

export async function coreGetResource(
	this: CoreContext,
	connection: Connection,
	read: CoreRead,
): Promise<Record<string, unknown>> {
	const body = await coreGet.call(this, connection, read);
	const resource = readResource(body);
	if (resource === undefined) throw unreadable.call(this, read, body);
	return resource;
}

/** One page of a list, asked for with `page` and `per_page` after the read's own query. */
export async function coreGetPage(
	this: CoreContext,
	connection: Connection,
	read: CoreRead,
	page: number,
	perPage: number,
): Promise<Page> {
	const query: CoreRead['query'] = [...(read.query ?? []), ['page', page], ['per_page', perPage]];
	const body = await coreGet.call(this, connection, { ...read, query });
	const parsed = readPage(body, page, perPage);
	if (parsed === undefined) throw unreadable.call(this, read, body);
	return parsed;
}

/** Up to `limit` items (Infinity for all), following the pages. */
export async function coreGetAll(
	this: CoreContext,
	connection: Connection,
	read: CoreRead,
	limit: number,
): Promise<Array<Record<string, unknown>>> {
	const items: Array<Record<string, unknown>> = [];
	const perPage = Math.min(MAX_PER_PAGE, Math.max(1, limit));
	let page: number | null = 1;
	while (page !== null && items.length < limit) {
		const next: Page = await coreGetPage.call(this, connection, read, page, perPage);
		items.push(...next.items);
		// A server that ignores `page` would otherwise be asked for the same page forever.
		page = next.nextPage !== null && next.nextPage > page ? next.nextPage : null;
	}
	return items.slice(0, limit);
}
