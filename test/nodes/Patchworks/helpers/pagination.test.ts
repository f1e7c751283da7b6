import { flatten, readPage, readResource } from '../../../../nodes/Patchworks/helpers/pagination';

const page = (body: unknown) => JSON.stringify(body);

describe('list pages', () => {
	it('flattens JSON:API resources and leaves flat ones alone', () => {
		expect(flatten({ id: '7', type: 'flows', attributes: { name: 'A' } })).toEqual({
			id: '7',
			name: 'A',
		});
		expect(flatten({ id: 7, name: 'A' })).toEqual({ id: 7, name: 'A' });
		expect(flatten('x')).toBeUndefined();
	});

	it('keeps every digit of long ids', () => {
		expect(readResource('{"data":{"id":9007199254740993,"status":2}}')).toEqual({
			id: '9007199254740993',
			status: 2,
		});
	});

	it.each([
		['links.next set', { links: { next: 'u' }, meta: { current_page: 1, last_page: 1 } }, 2],
		['links.next null', { links: { next: null }, meta: { current_page: 1, last_page: 9 } }, null],
		['meta only, more', { meta: { current_page: 2, last_page: 3 } }, 3],
		['meta only, last', { meta: { current_page: 3, last_page: 3 } }, null],
		['neither, full page', {}, 2],
	])('knows the next page from %s', (_how, extra, next) => {
		const parsed = readPage(page({ data: [{ id: 1 }, { id: 2 }], ...extra }), 1, 2);
		expect(parsed?.nextPage).toBe(next);
	});

	it('stops at an empty or short page, and refuses a reply without a data list', () => {
		expect(readPage(page({ data: [], links: { next: 'u' } }), 4, 10)?.nextPage).toBeNull();
		expect(readPage(page({ data: [{ id: 1 }] }), 1, 10)?.nextPage).toBeNull();
		expect(readPage(page({ data: { id: 1 } }), 1, 10)).toBeUndefined();
		expect(readPage('<html>', 1, 10)).toBeUndefined();
	});
});
