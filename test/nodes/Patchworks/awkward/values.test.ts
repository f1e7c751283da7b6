import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../../helpers/engine';
import { credentialFor, startNode, startPosts, useStandin } from '../setup';

// Each case names the exact body Patchworks must receive, written out by hand: a body built
// with the same JSON.stringify the node uses would agree with the node whatever it did.
describe('Awkward values: the payload is exactly the items, as JSON.stringify writes them', () => {
	const standin = useStandin();

	async function bodiesFor(json: IDataObject[], parameters: INodeParameters = {}) {
		const result = await runWorkflow({
			items: json.map((item) => ({ json: item })),
			nodes: [startNode(parameters)],
			credentials: credentialFor(standin()),
		});
		expect(result.error).toBeUndefined();
		return startPosts(standin()).map((request) => request.text);
	}

	it('keeps a field holding JSON text as text, never parsing it', async () => {
		expect(await bodiesFor([{ raw: '{"a":1}', n: '42' }])).toEqual([
			String.raw`{"payload":"[{\"raw\":\"{\\\"a\\\":1}\",\"n\":\"42\"}]"}`,
		]);
	});

	it('does not interpret replacement patterns such as $& and $1 in the payload', async () => {
		expect(await bodiesFor([{ note: "Total $& tax $1 $' $` $$ $<name>" }])).toEqual([
			'{"payload":"[{\\"note\\":\\"Total $& tax $1 $\' $` $$ $<name>\\"}]"}',
		]);
	});

	it('refuses a Flow ID of 10$&1 before sending anything', async () => {
		const result = await runWorkflow({
			items: [{ json: { sku: 'S1' } }],
			nodes: [startNode({ flowId: '10$&1' })],
			credentials: credentialFor(standin()),
		});

		expect(standin().requests).toEqual([]);
		expect(result.error?.message).toBe(
			'Flow ID must be a positive whole number, but item 0 has "10$&1"',
		);
	});

	describe('keys named like built-ins, with __proto__ as an own key', () => {
		const text =
			'{"from":1,"toString":"To Do","constructor":"c","hasOwnProperty":"h","__proto__":{"x":1},"valueOf":"v"}';

		it('reach the node as the same object, __proto__ still an own key', async () => {
			const json = JSON.parse(text) as IDataObject;
			const result = await runWorkflow({
				items: [{ json }],
				nodes: [startNode()],
				credentials: credentialFor(standin()),
			});

			// The engine hands items from node to node by reference: nothing copies them.
			const [[arrived]] = result.outputs('Orders');
			expect(arrived.json).toBe(json);
			expect(Object.keys(arrived.json)).toEqual([
				'from',
				'toString',
				'constructor',
				'hasOwnProperty',
				'__proto__',
				'valueOf',
			]);
			expect(Object.getPrototypeOf(arrived.json)).toBe(Object.prototype);
		});

		it('are all sent, __proto__ included', async () => {
			expect(await bodiesFor([JSON.parse(text) as IDataObject])).toEqual([
				JSON.stringify({ payload: `[${text}]` }),
			]);
		});

		it('are all sent but from with Fields to Send = All Fields Except from', async () => {
			const parameters = { fieldsToSend: 'except', fieldNames: 'from' };
			expect(await bodiesFor([JSON.parse(text) as IDataObject], parameters)).toEqual([
				JSON.stringify({
					payload:
						'[{"toString":"To Do","constructor":"c","hasOwnProperty":"h","__proto__":{"x":1},"valueOf":"v"}]',
				}),
			]);
		});
	});

	it('writes a Date and the same instant as text alike, never {} or a quoted quote', async () => {
		const instant = '2024-01-02T03:04:05.000Z';
		expect(await bodiesFor([{ at: new Date(instant) }, { at: instant }])).toEqual([
			String.raw`{"payload":"[{\"at\":\"2024-01-02T03:04:05.000Z\"},{\"at\":\"2024-01-02T03:04:05.000Z\"}]"}`,
		]);
	});

	it('drops undefined fields and writes NaN, Infinity and undefined in arrays as null', async () => {
		const json = {
			a: null,
			b: undefined,
			c: [1, [2, null], undefined],
			d: { e: [] },
			f: NaN,
			g: Infinity,
			h: -0,
			i: true,
			j: '',
		};
		expect(await bodiesFor([json as IDataObject])).toEqual([
			JSON.stringify({
				payload:
					'[{"a":null,"c":[1,[2,null],null],"d":{"e":[]},"f":null,"g":null,"h":0,"i":true,"j":""}]',
			}),
		]);
	});
});
