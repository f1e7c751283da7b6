import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idValue } from '../helpers/runs';
import { isBlank, parseId } from '../helpers/validation';
import { coreGetPage, getCoreConnection, MAX_PER_PAGE } from '../transport/core';
import { DEPLOYED_VERSION } from './locators';

// Flows have no documented name filter, so a search reads pages and keeps the matches: at
// most this many pages per call, then n8n asks for more with the returned token.
const PAGES_PER_SEARCH = 5;
const ENOUGH_MATCHES = 50;

function startPage(token: string | undefined): number {
	const page = token === undefined ? 1 : Number(token);
	return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

const matches = (wanted: string, name: string) =>
	wanted === '' || name.toLowerCase().includes(wanted);

function flowItem(flow: Record<string, unknown>): INodeListSearchItems | undefined {
	const id = idValue(flow.id);
	if (id === null) return undefined;
	const name = typeof flow.name === 'string' && flow.name.trim() !== '' ? flow.name : 'Unnamed';
	return { name: `${name} (ID ${id})`, value: String(id) };
}

export async function searchFlows(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const connection = await getCoreConnection.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	const read = { path: '/api/v1/flows', what: 'the process flows' };
	const results: INodeListSearchItems[] = [];
	let page = startPage(paginationToken);
	for (let pages = 0; pages < (wanted === '' ? 1 : PAGES_PER_SEARCH); pages++) {
		const { items, nextPage } = await coreGetPage.call(this, connection, read, page, MAX_PER_PAGE);
		for (const item of items.map(flowItem)) {
			if (item !== undefined && matches(wanted, item.name)) results.push(item);
		}
		if (nextPage === null || nextPage <= page) return { results };
		page = nextPage;
		if (results.length >= ENOUGH_MATCHES) break;
	}
	return { results, paginationToken: String(page) };
}

/** The flow chosen in the Flow field, as digits; a message when versions cannot be listed. */
function chosenFlow(this: ILoadOptionsFunctions): string {
	let value: unknown;
	try {
		value = this.getCurrentNodeParameter('flowId', { extractValue: true });
	} catch {
		value = undefined;
	}
	const raw = String(value ?? '');
	if (raw.startsWith('=')) {
		throw new NodeOperationError(
			this.getNode(),
			'The Flow is an expression, so its versions cannot be listed here',
			{ description: 'Choose the flow from the list or by ID, or set the Version by ID.' },
		);
	}
	const flowId = parseId(value);
	if (flowId === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			isBlank(value) ? 'Choose a Flow first' : `The Flow "${raw}" is not a flow ID`,
			{ description: 'The versions listed are those of the flow chosen in the Flow field.' },
		);
	}
	return flowId;
}

function versionItem(version: Record<string, unknown>): INodeListSearchItems | undefined {
	const id = idValue(version.id);
	if (id === null) return undefined;
	// The version number's field is not documented: `number`, or the `iteration` the
	// deployments list sorts by.
	const number = idValue(version.number ?? version.iteration ?? version.version);
	const status =
		typeof version.status === 'string'
			? version.status.toLowerCase()
			: version.is_deployed === true
				? 'deployed'
				: '';
	const parts = [number === null ? undefined : `Version ${number}`, `ID ${id}`];
	if (status !== '') parts.push(status === 'deployed' ? 'DEPLOYED' : status);
	return { name: parts.filter(Boolean).join(' · '), value: String(id) };
}

export async function searchVersions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const flowId = chosenFlow.call(this);
	const connection = await getCoreConnection.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	const page = startPage(paginationToken);
	const read = {
		path: `/api/v1/flows/${flowId}/versions`,
		what: `flow ${flowId}`,
		notFound: 'Check the Flow: it may have been deleted, or belong to another company profile.',
	};
	const { items, nextPage } = await coreGetPage.call(this, connection, read, page, MAX_PER_PAGE);
	const results: INodeListSearchItems[] = [];
	if (paginationToken === undefined) {
		results.push({
			name: 'Deployed Version',
			value: DEPLOYED_VERSION,
			description: 'Whatever version is deployed when the run starts',
		});
	}
	for (const item of items.map(versionItem)) {
		if (item !== undefined) results.push(item);
	}
	const shown = results.filter((item) => matches(wanted, item.name));
	const more = nextPage !== null && nextPage > page;
	return { results: shown, paginationToken: more ? String(nextPage) : undefined };
}
