import { parseJsonKeepingBigIntegers } from '../../../../nodes/Patchworks/helpers/json';

describe('parseJsonKeepingBigIntegers', () => {
	it('keeps every digit of integers beyond 2^53 as strings', () => {
		expect(
			parseJsonKeepingBigIntegers('{"id":9007199254740993,"n":[12345678901234567890]}'),
		).toEqual({ id: '9007199254740993', n: ['12345678901234567890'] });
	});

	it('leaves ordinary numbers, decimals and exponents as numbers', () => {
		expect(parseJsonKeepingBigIntegers('[1,-2,3.5,1e21,123456789012345,-0]')).toEqual([
			1, -2, 3.5, 1e21, 123456789012345, -0,
		]);
	});

	it('never touches digits inside strings, escaped quotes included', () => {
		const text = '{"a":"9007199254740993","b":"x\\"12345678901234567\\"","c":12345678901234567}';
		expect(parseJsonKeepingBigIntegers(text)).toEqual({
			a: '9007199254740993',
			b: 'x"12345678901234567"',
			c: '12345678901234567',
		});
	});

	it('throws on text that is not JSON', () => {
		expect(() => parseJsonKeepingBigIntegers('<html>')).toThrow(SyntaxError);
	});
});
