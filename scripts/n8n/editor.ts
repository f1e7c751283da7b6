import type { Workflow, WorkflowNode } from './fixtures';
import type { N8nServer } from './server';

/** One entry of a resource locator's "From List" mode, as the editor lists it. */
export interface ListSearchItem {
	name: string;
	value: string | number;
	url?: string;
	description?: string;
}

export interface ListSearchResult {
	results: ListSearchItem[];
	paginationToken?: string | number;
}

interface NodeProperty {
	name: string;
	displayOptions?: { show?: Record<string, unknown[]> };
	modes?: Array<{ name: string; typeOptions?: { searchListMethod?: string } }>;
}

/** n8n's answer to a REST call that failed; `body` holds its message and description. */
export class N8nRestError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		call: string,
	) {
		super(`${call} gave HTTP ${status}: ${JSON.stringify(body)}`);
	}
}

/** A call to n8n's REST API whose answer is `{ data }`. */
async function restData(server: N8nServer, method: string, path: string, body?: unknown) {
	const response = await server.request(method, `/rest${path}`, body);
	const data = (response.body as { data?: unknown } | undefined)?.data;
	if (response.status !== 200 || data === undefined) {
		throw new N8nRestError(response.status, response.body, `${method} /rest${path}`);
	}
	return data;
}

// Only `show` conditions on other parameters: all this package's fields use.
function shownWith(property: NodeProperty, parameters: Record<string, unknown>): boolean {
	const show = Object.entries(property.displayOptions?.show ?? {});
	return show.every(([name, values]) => name.startsWith('@') || values.includes(parameters[name]));
}

/** The list search the editor calls for `parameter`, read from the node type n8n loaded. */
async function searchListMethod(
	server: N8nServer,
	node: WorkflowNode,
	parameter: string,
	parameters: Record<string, unknown>,
): Promise<string> {
	const nodeInfos = [{ name: node.type, version: node.typeVersion }];
	const [type] = (await restData(server, 'POST', '/node-types', { nodeInfos })) as Array<{
		properties: NodeProperty[];
	}>;
	const property = type?.properties.find((p) => p.name === parameter && shownWith(p, parameters));
	const method = property?.modes?.find((mode) => mode.name === 'list')?.typeOptions
		?.searchListMethod;
	if (!method) throw new Error(`${node.type} shows no list to pick "${parameter}" from here`);
	return method;
}

/**
 * What the editor sends when a resource locator's list opens or the user types a filter:
 * POST /rest/dynamic-node-parameters/resource-locator-results, with the node's current
 * parameters, its credentials and the workflow's project (n8n 2.x also sends the workflow id).
 * `parameters` replaces some of the node's parameters, as editing them in the editor would.
 */
export async function searchList(
	server: N8nServer,
	workflow: Workflow,
	nodeName: string,
	parameter: string,
	options: { filter?: string; paginationToken?: string; parameters?: Record<string, unknown> } = {},
): Promise<ListSearchResult> {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`Workflow ${workflow.id} has no node "${nodeName}"`);
	const parameters = { ...node.parameters, ...options.parameters };
	const project = (await restData(server, 'GET', '/projects/personal')) as { id: string };
	const request: Record<string, unknown> = {
		nodeTypeAndVersion: { name: node.type, version: node.typeVersion },
		path: `parameters.${parameter}`,
		methodName: await searchListMethod(server, node, parameter, parameters),
		currentNodeParameters: parameters,
		credentials: node.credentials,
		projectId: project.id,
	};
	if (!server.line.id.startsWith('1.')) request.workflowId = workflow.id;
	if (options.filter) request.filter = options.filter;
	if (options.paginationToken) request.paginationToken = options.paginationToken;
	const path = '/dynamic-node-parameters/resource-locator-results';
	return (await restData(server, 'POST', path, request)) as ListSearchResult;
}
