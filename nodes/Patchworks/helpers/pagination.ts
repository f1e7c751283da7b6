import { parseJsonKeepingBigIntegers } from './json';

export interface Page {
	items: Array<Record<string, unknown>>;
	/** The page to ask for next, or null on the last page. */
	nextPage: number | null;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/**
 * A resource as a flat record. The OpenAPI schema and the PHP client read flat objects; the
 * official MCP client reads JSON:API `{id, type, attributes}`; both are accepted.
 */
export function flatten(resource: unknown): Record<string, unknown> | undefined {
	const record = asRecord(resource);
	const attributes = asRecord(record?.attributes);
	if (record === undefined || attributes === undefined) return record;
	return { ...attributes, id: record.id ?? attributes.id };
}

function parse(text: string): unknown {
	try {
		return parseJsonKeepingBigIntegers(text);
	} catch {
		return undefined;
	}
}

/** The one resource of a reply, in a `data` wrapper or not. */
export function readResource(text: string): Record<string, unknown> | undefined {
	const top = asRecord(parse(text));
	return flatten(top?.data ?? top);
}

/**
 * One page of a list reply. The next page is known from `links.next`, else from
 * `meta.last_page`, else guessed from a full page.
 */
export function readPage(text: string, page: number, perPage: number): Page | undefined {
	const top = asRecord(parse(text));
	if (top === undefined || !Array.isArray(top.data)) return undefined;
	const items = top.data
		.map(flatten)
		.filter((item): item is Record<string, unknown> => item !== undefined);
	const links = asRecord(top.links);
	const meta = asRecord(top.meta);
	const current = typeof meta?.current_page === 'number' ? meta.current_page : page;
	let more: boolean;
	if (links !== undefined && 'next' in links) more = typeof links.next === 'string';
	else if (typeof meta?.last_page === 'number') more = current < meta.last_page;
	else more = top.data.length >= perPage;
	return { items, nextPage: more && top.data.length > 0 ? current + 1 : null };
}
