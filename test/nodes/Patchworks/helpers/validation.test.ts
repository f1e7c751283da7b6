import { describeValue, isBlank, parseId } from '../../../../nodes/Patchworks/helpers/validation';

describe('parseId', () => {
	it.each([
		['101', '101'],
		[' 101\n', '101'],
		['007', '7'],
		[101, '101'],
		[101.0, '101'],
	])('accepts %j as %s', (value, expected) => {
		expect(parseId(value)).toBe(expected);
	});

	it.each([
		'',
		'0',
		'000',
		'-1',
		'1.5',
		'1e3',
		'10$&1',
		'101/2',
		'abc',
		'+5',
		0,
		-3,
		1.5,
		NaN,
		null,
		{},
		[1],
	])('refuses %j', (value) => {
		expect(parseId(value)).toBeUndefined();
	});

	it('refuses numbers beyond the safe integer range', () => {
		expect(parseId('9007199254740993')).toBeUndefined();
	});
});

describe('isBlank and describeValue', () => {
	it('treats empty, whitespace, null and undefined as blank, nothing else', () => {
		expect([undefined, null, '', '  \n'].map(isBlank)).toEqual([true, true, true, true]);
		expect([0, 'a', false].map(isBlank)).toEqual([false, false, false]);
	});

	it('quotes strings and shows other values as JSON', () => {
		expect(describeValue('10$&1')).toBe('"10$&1"');
		expect(describeValue(1.5)).toBe('1.5');
		expect(describeValue(undefined)).toBe('nothing');
	});
});
