// The workflows the real-n8n measurement imports, one per case and size: Manual Trigger → Code
// node with 10 records → a warm-up copy of the measured node → Code node that builds the N
// records → the measured node: (a) this node, (b) n8n's HTTP Request node, or (e) (b)'s body
// expression alone. The warm-up makes the measured run the node's second in its n8n process,
// as in a running n8n server (and as bench/case.ts does in-process); `n8n execute` starts a
// fresh process for every run, where a node's first run pays for loading and compiling.
import type { Workflow } from '../scripts/n8n';

/**
 * (a) this node; (b) n8n's HTTP Request node; (e) a Set node, Execute Once, that only evaluates
 * (b)'s body expression, to tell the expression's share of (b) from the rest of the node.
 */
export type RealWorkflowKind = 'ourNode' | 'httpRequestNode' | 'expressionOnly';

export const CREDENTIAL = { id: 'pwBenchCredentl1', name: 'Patchworks (bench stand-in)' };
export const API_KEY = 'test-key-123';
/** The name of the measured node in every workflow; its executionTime is what is reported. */
export const MEASURED_NODE = 'Measured';
/** The warm-up copy of the measured node; its executionTime is that of a first run. */
export const WARM_UP_NODE = 'Warm-up';
export const WARM_UP_RECORDS = 10;
export const MAKE_RECORDS = 'Make records';
const WARM_UP_MAKE_RECORDS = 'Make warm-up records';
const TRIGGER = 'Manual Trigger';
/** What users write today to send all items as one Patchworks payload. */
const BODY_EXPRESSION =
	'={{ JSON.stringify({ payload: JSON.stringify($input.all().map((item) => item.json)) }) }}';
const LETTER: Record<RealWorkflowKind, string> = {
	ourNode: 'A',
	httpRequestNode: 'B',
	expressionOnly: 'E',
};

/**
 * The Code node's JavaScript: the same records as bench/records.ts, built inside n8n.
 * `recordsCodeMatches` checks that the two agree, so the shape cannot drift apart.
 */
export function recordsCode(count: number): string {
	return [
		`const COUNT = ${count};`,
		"const cities = ['Leeds', 'Bristol', 'York', 'Derby', 'Bath'];",
		'const items = [];',
		'for (let n = 0; n < COUNT; n++) {',
		'\titems.push({',
		'\t\tjson: {',
		'\t\t\tid: 100000 + n,',
		"\t\t\tsku: `SKU-${String(n % 9973).padStart(5, '0')}`,",
		'\t\t\tqty: (n % 7) + 1,',
		'\t\t\tprice: Math.round(((n * 37) % 10000) + 99) / 100,',
		'\t\t\tcustomer: `customer${n % 5000}@example.com`,',
		'\t\t\tcity: cities[n % cities.length],',
		'\t\t\tcreatedAt: new Date(Date.UTC(2026, 0, 1) + n * 60000).toISOString(),',
		'\t\t},',
		'\t});',
		'}',
		'return items;',
		'',
	].join('\n');
}

export function workflowId(kind: RealWorkflowKind, count: number): string {
	// 16 characters, like the ids n8n makes itself.
	return `pwBench${LETTER[kind]}${String(count).padStart(8, '0')}`;
}

function measuredNode(kind: RealWorkflowKind, standinUrl: string, name: string, x: number) {
	const common = { id: `${kind}-${name}`, name, position: [x, 0] };
	if (kind === 'ourNode') {
		return {
			...common,
			type: 'n8n-nodes-patchworks.patchworks',
			typeVersion: 1,
			parameters: {
				resource: 'processFlow',
				operation: 'start',
				flowId: '101',
				flowVersion: '1',
				dataMapping: 'allItems',
			},
			credentials: { patchworksApi: CREDENTIAL },
		};
	}
	if (kind === 'expressionOnly') {
		return {
			...common,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			executeOnce: true,
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [{ id: 'body', name: 'body', value: BODY_EXPRESSION, type: 'string' }],
				},
				options: {},
			},
		};
	}
	return {
		...common,
		type: 'n8n-nodes-base.httpRequest',
		// The version n8n 2.40's editor puts on the canvas.
		typeVersion: 4.5,
		executeOnce: true,
		parameters: {
			method: 'POST',
			url: `${standinUrl}/api/v1/flows/101/manual/1`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: API_KEY }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: BODY_EXPRESSION,
			options: {},
		},
	};
}

const TITLE: Record<RealWorkflowKind, string> = {
	ourNode: 'Patchworks node',
	httpRequestNode: 'HTTP Request node',
	expressionOnly: "the HTTP Request node's body expression alone",
};

export function benchWorkflow(kind: RealWorkflowKind, count: number, standinUrl: string): Workflow {
	const id = workflowId(kind, count);
	const link = (node: string) => ({ main: [[{ node, type: 'main', index: 0 }]] });
	const nodes = [
		{
			id: `${kind}-trigger`,
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		codeNode(`${kind}-warm-up-records`, WARM_UP_MAKE_RECORDS, WARM_UP_RECORDS, 220),
		measuredNode(kind, standinUrl, WARM_UP_NODE, 440),
		codeNode(`${kind}-records`, MAKE_RECORDS, count, 660),
		measuredNode(kind, standinUrl, MEASURED_NODE, 880),
	];
	return {
		id,
		name: `Bench: ${count} records, ${TITLE[kind]}`,
		active: false,
		nodes,
		connections: {
			[TRIGGER]: link(WARM_UP_MAKE_RECORDS),
			[WARM_UP_MAKE_RECORDS]: link(WARM_UP_NODE),
			[WARM_UP_NODE]: link(MAKE_RECORDS),
			[MAKE_RECORDS]: link(MEASURED_NODE),
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function codeNode(id: string, name: string, count: number, x: number) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [x, 0],
		parameters: { jsCode: recordsCode(count) },
	};
}
