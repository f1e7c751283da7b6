import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialToImport } from './instance';
import { REPO_ROOT } from './pack';

export const EXAMPLE_WORKFLOW = join(REPO_ROOT, 'examples', 'orders-to-patchworks.workflow.json');
/** Start flow 102 picked from the list, wait for the run, then read its logs. */
export const START_WAIT_LOGS_WORKFLOW = join(
	REPO_ROOT,
	'examples',
	'start-wait-and-read-logs.workflow.json',
);

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	[key: string]: unknown;
}

export function readExampleWorkflow(file = EXAMPLE_WORKFLOW): Workflow {
	return JSON.parse(readFileSync(file, 'utf8')) as Workflow;
}

export function patchworksNode(workflow: Workflow): WorkflowNode {
	const node = workflow.nodes.find((n) => n.type === 'n8n-nodes-patchworks.patchworks');
	if (!node) throw new Error(`Workflow ${workflow.id} has no Patchworks node`);
	return node;
}

/** The example with another id and other Patchworks parameters, e.g. a flow that is missing. */
export function exampleVariant(id: string, parameters: Record<string, unknown>): Workflow {
	const workflow = readExampleWorkflow();
	const node = patchworksNode(workflow);
	node.parameters = { ...node.parameters, ...parameters };
	return { ...workflow, id, name: `${workflow.name} (${id})` };
}

/** The credential the example refers to, pointed at a stand-in (Custom environment). */
export function standinCredential(workflow: Workflow, standinUrl: string, apiKey: string) {
	const reference = patchworksNode(workflow).credentials?.patchworksApi;
	if (!reference) throw new Error('The Patchworks node has no patchworksApi credential');
	const credential: CredentialToImport = {
		id: reference.id,
		name: reference.name,
		type: 'patchworksApi',
		data: {
			authentication: 'apiKey',
			apiKey,
			environment: 'custom',
			startUrl: standinUrl,
			coreUrl: standinUrl,
			loginUrl: `${standinUrl}/fabric/api/login`,
		},
	};
	return credential;
}
