import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../setup';

// Characters that break naive payload builders: quotes and backslashes, replacement patterns,
// line and paragraph separators, control characters, astral characters and lone surrogates.
const awkwardChar = fc.oneof(
	fc.constantFrom('"', '\\', '/', '$', '&', '`', "'", '\u2028', '\u2029', '\u0000', '\n', '\t'),
	fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
	fc.constantFrom('😀', '𝄞', 'é', 'e\u0301', 'ß', '中'),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
// Text that is itself JSON must stay text.
const jsonText = fc.oneof(
	fc.constantFrom('{"a":1}', '42', '-0', 'true', 'null', '[1,"2"]', '"quoted"', '1e400'),
	fc.json({ maxDepth: 2 }),
);
const text = fc.oneof(
	{ weight: 4, arbitrary: fc.string({ unit: awkwardChar, maxLength: 40 }) },
	{ weight: 2, arbitrary: jsonText },
	{ weight: 1, arbitrary: fc.string({ unit: awkwardChar, minLength: 2000, maxLength: 20_000 }) },
);
const key = fc.oneof(
	fc.string({ unit: awkwardChar, maxLength: 12 }),
	fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'payload'),
);
// Numbers at the edges; -0 is left out because JSON has no way to write it.
const number = fc.oneof(
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
	fc.constantFrom(
		Number.MAX_SAFE_INTEGER,
		Number.MIN_SAFE_INTEGER,
		2 ** 53 + 2,
		Number.MAX_VALUE,
		-Number.MAX_VALUE,
		Number.MIN_VALUE,
		Number.EPSILON,
		1e21,
		1e-7,
		0.1,
	),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.constant(null),
		fc.boolean(),
		number,
		text,
		fc.array(tie('value'), { maxLength: 5 }),
		fc.dictionary(key, tie('value'), { maxKeys: 5 }),
	),
}));
// A chain hundreds of levels deep, alternating arrays and objects.
const deep = fc
	.tuple(fc.integer({ min: 50, max: 400 }), value)
	.map(([depth, leaf]) =>
		Array.from({ length: depth }).reduce<unknown>(
			(inner, _, level) => (level % 2 === 0 ? [inner] : { [`level${level}`]: inner }),
			leaf,
		),
	);
const item = fc.dictionary(key, fc.oneof({ weight: 6, arbitrary: value }, deep), {
	minKeys: 0,
	maxKeys: 6,
}) as fc.Arbitrary<IDataObject>;

describe('Awkward values: any JSON at all', () => {
	const standin = useStandin();

	it('delivers any JSON items so that they parse back to exactly the items, in order', async () => {
		const credentials = credentialFor(standin());
		await fc.assert(
			fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 4 }), async (jsons) => {
				standin().reset();
				const result = await runWorkflow({
					items: jsons.map((json) => ({ json })),
					nodes: [startNode()],
					credentials,
				});

				expect(result.error).toBeUndefined();
				const [request] = startPosts(standin());
				expect(startPosts(standin())).toHaveLength(1);
				expect(request.text).toBe(JSON.stringify({ payload: JSON.stringify(jsons) }));
				const { payload } = JSON.parse(request.text) as { payload: string };
				expect(JSON.parse(payload)).toEqual(jsons);
			}),
			{ numRuns: 60 },
		);
	});
});
