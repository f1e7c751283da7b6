import {
	executeWorkflow,
	exampleVariant,
	nodeOutput,
	readExampleWorkflow,
} from '../../scripts/n8n';
import {
	API_KEY,
	failureDetails,
	pairedIndexes,
	prepareLine,
	requestsSeen,
	type LineContext,
} from './harness';
import { linesUnderTest } from './lines';

const example = readExampleWorkflow();
const missingFlow = exampleVariant('pwE2eMissingFlow', { flowId: '999' });
const GENERATOR = example.nodes.find((node) => node.type === 'n8n-nodes-base.code')!.name;

describe.each(linesUnderTest())('the packed node in n8n $version', (line) => {
	let context: LineContext;

	beforeAll(async () => {
		context = await prepareLine(line, [example, missingFlow]);
	});

	afterAll(async () => {
		await context?.dispose();
	});

	beforeEach(() => context.standin.reset());

	it('starts flow 101 version 1 once, with all orders as one payload string', async () => {
		const execution = await executeWorkflow(context.instance, example.id);
		const run = execution.run;
		if (!run || execution.exitCode !== 0) throw new Error(failureDetails(execution));
		expect(run.data.resultData.error).toBeUndefined();

		const orders = nodeOutput(run, GENERATOR).map((item) => item.json);
		expect(orders).toHaveLength(250);
		expect(requestsSeen(context)).toEqual(['POST /api/v1/flows/101/manual/1']);
		const [request] = context.standin.requests;
		expect(request.headers.authorization).toBe(API_KEY);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.text).toBe(JSON.stringify({ payload: JSON.stringify(orders) }));

		expect(context.standin.runs).toHaveLength(1);
		const output = nodeOutput(run, 'Patchworks');
		expect(output).toHaveLength(1);
		expect(output[0].json.flowRunId).toBe(context.standin.runs[0].id);
		expect(pairedIndexes(output[0])).toEqual(orders.map((_, index) => index));
	});

	it('fails with the 404 in the run data when the flow does not exist', async () => {
		const execution = await executeWorkflow(context.instance, missingFlow.id);

		expect(execution.exitCode).not.toBe(0);
		const run = execution.run;
		if (!run) throw new Error(failureDetails(execution));
		expect(requestsSeen(context)).toEqual(['POST /api/v1/flows/999/manual/1']);
		expect(context.standin.runs).toHaveLength(0);

		const nodeRun = run.data.resultData.runData.Patchworks[0];
		expect(nodeRun.data).toBeUndefined();
		expect(nodeRun.error).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		expect(nodeRun.error?.message).toMatch(/\bflow 999\b/i);
		expect(run.data.resultData.error?.message).toBe(nodeRun.error?.message);
		expect(run.data.resultData.lastNodeExecuted).toBe('Patchworks');
	});
});
