import { runWorkflow } from '../../../../helpers/engine';
import type { RunIdField } from '../../../../standin';
import { credentialFor, startNode, useStandin } from '../../setup';

const items = [{ json: { sku: 'S1' } }];

describe.each<RunIdField>(['flow_run_id', 'id', 'run_id', 'data.flow_run_id', 'data.id'])(
	'Start: a reply with the run id in %s',
	(runIdField) => {
		const standin = useStandin({ runIdField, nextRunId: '9007199254740993' });

		it('outputs the run id with every digit, as a string', async () => {
			const result = await runWorkflow({
				items,
				nodes: [startNode()],
				credentials: credentialFor(standin()),
			});

			expect(standin().runs.map((run) => run.id)).toEqual(['9007199254740993']);
			expect(result.outputs('Patchworks')[0][0].json.flowRunId).toBe('9007199254740993');
		});
	},
);

describe('Start: a reply without a run id', () => {
	const standin = useStandin({ runIdField: 'none' });

	it('fails instead of outputting a run with no id', async () => {
		const result = await runWorkflow({
			items,
			nodes: [startNode()],
			credentials: credentialFor(standin()),
		});

		expect(standin().runs).toHaveLength(1);
		expect(result.error?.message).toBe(
			'Patchworks replied to flow 101 version 1 with no flow run id',
		);
		expect(result.outputs('Patchworks')).toEqual([]);
	});
});
