import { RUN_ID_FIELDS, parseStartReply } from '../../../../nodes/Patchworks/helpers/response';

describe('parseStartReply', () => {
	it.each([
		['{"message":"Flow initialised.","flow_run_id":1234}', '1234'],
		['{"message":"Flow initialised.","id":77}', '77'],
		['{"message":"Flow initialised.","run_id":"88"}', '88'],
		['{"data":{"flow_run_id":99},"message":"Flow initialised."}', '99'],
		['{"data":{"id":5}}', '5'],
	])('reads the run id from %s', (text, runId) => {
		expect(parseStartReply(text)).toMatchObject({ flowRunId: runId });
	});

	it('returns the exact digits of a run id beyond 2^53', () => {
		expect(
			parseStartReply('{"message":"Flow initialised.","flow_run_id":9007199254740993}'),
		).toEqual({
			flowRunId: '9007199254740993',
			message: 'Flow initialised.',
		});
	});

	it('prefers flow_run_id over a generic id', () => {
		expect(parseStartReply('{"id":1,"flow_run_id":2}')).toMatchObject({ flowRunId: '2' });
	});

	it.each([
		'',
		'{}',
		'{"message":"Flow initialised."}',
		'{"id":"abc"}',
		'{"id":0}',
		'not json',
		'[1]',
	])('reports a problem for %j, naming the fields it looked for', (text) => {
		const result = parseStartReply(text);
		expect(result).toEqual({ problem: expect.stringContaining('held no flow run id') });
		expect((result as { problem: string }).problem).toContain(RUN_ID_FIELDS.join(', '));
	});

	it('says the reply was empty when it was', () => {
		expect(parseStartReply('')).toEqual({
			problem:
				'Patchworks accepted the request but its reply held no flow run id (looked for flow_run_id, flowRunId, run_id, id). Reply: (empty)',
		});
	});
});
