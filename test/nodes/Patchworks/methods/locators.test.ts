import {
	FLOW_URL_REGEX,
	flowLocator,
	versionIdOf,
	versionLocator,
} from '../../../../nodes/Patchworks/methods/locators';

describe('the Flow and Version fields', () => {
	it.each([
		['https://app.wearepatchworks.com/process-flows/101', '101'],
		['https://app.wearepatchworks.com/process-flows/101/versions/57?tab=logs', '101'],
		['https://app.wearepatchworks.com/flows/101#canvas', '101'],
		['http://pw.example.com/company/5/process-flow/42/edit', '42'],
	])('takes the flow ID from %s', (url, id) => {
		expect(new RegExp(FLOW_URL_REGEX).exec(url)?.[1]).toBe(id);
	});

	it.each([
		['https://app.wearepatchworks.com/flow-run-logs/184467'],
		['https://app.wearepatchworks.com/process-flows/'],
		['app.wearepatchworks.com/process-flows/101'],
	])('finds no flow ID in %s', (url) => {
		expect(new RegExp(FLOW_URL_REGEX).exec(url)).toBeNull();
	});

	it('keeps the names Start saves its values under, and lets callers adjust the rest', () => {
		expect(flowLocator().name).toBe('flowId');
		expect(versionLocator().name).toBe('flowVersion');
		expect(flowLocator({ required: false }).required).toBe(false);
		expect(flowLocator().modes?.map((mode) => mode.name)).toEqual(['list', 'id', 'url']);
		expect(versionLocator().default).toEqual({
			mode: 'list',
			value: 'deployed',
			cachedResultName: 'Deployed Version',
		});
	});

	it.each([
		['deployed', null],
		['', null],
		[undefined, null],
		[' 57 ', '57'],
		[57, '57'],
		['v2', undefined],
		['0', undefined],
	])('reads Version %j as %j', (value, id) => {
		expect(versionIdOf(value)).toBe(id);
	});
});
