import {
	dashboardUrl,
	idValue,
	isFinal,
	logOutput,
	parseRunId,
	runOutput,
	runStatus,
} from '../../../../nodes/Patchworks/helpers/runs';

describe('run statuses', () => {
	it.each([
		[1, 'started'],
		['2', 'success'],
		[3, 'failure'],
		[4, 'stopped'],
		[5, 'partial success'],
		['RUNNING', 'started'],
		['Success', 'success'],
		['failed', 'failure'],
		['FAILURE', 'failure'],
		['stopped', 'stopped'],
		['PARTIAL_SUCCESS', 'partial success'],
		['partial-success', 'partial success'],
		[{ value: 3, label: 'Failure' }, 'failure'],
		[{ name: 'Stopped' }, 'stopped'],
	])('reads %j as %s', (raw, word) => {
		expect(runStatus(raw)).toBe(word);
	});

	it.each([[0], [6], ['queued'], [null], [undefined], [true]])(
		'knows no word for %j, and does not count it as final',
		(raw) => {
			expect(runStatus(raw)).toBeNull();
			expect(isFinal(runStatus(raw))).toBe(false);
		},
	);

	it('counts every status but started as final', () => {
		expect(
			['started', 'success', 'failure', 'stopped', 'partial success'].map((s) =>
				isFinal(s as never),
			),
		).toEqual([false, true, true, true, true]);
	});
});

describe('run ids', () => {
	it.each([
		['184467', '184467'],
		[' 00042 ', '42'],
		[184467, '184467'],
		['9007199254740993', '9007199254740993'],
		['123456789012345678901234567890', '123456789012345678901234567890'],
	])('keeps %j as %j', (value, id) => {
		expect(parseRunId(value)).toBe(id);
	});

	it.each([[''], ['0'], ['-1'], ['1.5'], ['1e3'], [0], [-3], [1.5], [2 ** 53 + 2], [null], [{}]])(
		'refuses %j',
		(value) => {
			expect(parseRunId(value)).toBeUndefined();
		},
	);

	it('gives ids as numbers while exact, else as the digits', () => {
		expect([idValue(101), idValue('101'), idValue('9007199254740993'), idValue(null)]).toEqual([
			101,
			101,
			'9007199254740993',
			null,
		]);
	});
});

describe('the dashboard link', () => {
	it('is Patchworks cloud’s for Production', () => {
		expect(dashboardUrl({ environment: 'production', loginUrl: 'http://ignored' })).toBe(
			'https://app.wearepatchworks.com',
		);
		expect(runOutput({ id: 184467, status: 2 }, 'https://app.wearepatchworks.com').url).toBe(
			'https://app.wearepatchworks.com/flow-run-logs/184467',
		);
	});

	it.each([
		['https://pw.example.com/fabric/api/login', 'https://pw.example.com'],
		['https://pw.example.com:8443/fabric/api/v1/login', 'https://pw.example.com:8443'],
		['https://svc-fabric.example.com/api/v1/login', null],
		['not a url', null],
	])('for a Custom Login URL %s is %s', (loginUrl, url) => {
		expect(dashboardUrl({ environment: 'custom', loginUrl })).toBe(url);
	});
});

describe('outputs', () => {
	it('gives a run’s fields even when Patchworks leaves most out', () => {
		expect(runOutput({ id: '77', status: 'queued' }, null)).toEqual({
			flowRunId: '77',
			status: null,
			rawStatus: 'queued',
			finished: false,
			flowId: null,
			flowVersionId: null,
			trigger: null,
			startedAt: null,
			finishedAt: null,
			durationMs: null,
			duration: null,
			hasWarnings: null,
			summary: null,
			url: null,
		});
	});

	it('reads log entries by the MCP client’s field names too', () => {
		const entry = { id: 5, level: 'ERROR', message: 'Boom', step_id: 9, timestamp: 't' };
		expect(logOutput('77', entry)).toEqual({
			flowRunId: '77',
			logId: 5,
			level: 'ERROR',
			message: 'Boom',
			stepId: 9,
			time: 't',
			payloadMetadataId: null,
		});
	});
});
