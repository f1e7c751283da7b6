const DEFAULT_PER_PAGE = 15;
const MAX_PER_PAGE = 250;

function positiveInt(text: string | null): number | undefined {
	if (text === null || !/^\d+$/.test(text)) return undefined;
	const value = Number(text);
	return value >= 1 ? value : undefined;
}

// Page-number pagination in the documented PaginationMeta / PaginationLinks shape. Links keep
// the rest of the query string.
export function paginate<T>(items: T[], query: URLSearchParams, path: string) {
	const perPage = Math.min(positiveInt(query.get('per_page')) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
	const page = positiveInt(query.get('page')) ?? 1;
	const total = items.length;
	const lastPage = Math.max(1, Math.ceil(total / perPage));
	const start = (page - 1) * perPage;
	const data = items.slice(start, start + perPage);
	const link = (target: number) => {
		const params = new URLSearchParams(query);
		params.set('page', String(target));
		return `${path}?${params.toString()}`;
	};
	return {
		data,
		meta: {
			current_page: page,
			from: data.length > 0 ? start + 1 : null,
			last_page: lastPage,
			path,
			per_page: perPage,
			to: data.length > 0 ? start + data.length : null,
			total,
		},
		links: {
			first: link(1),
			last: link(lastPage),
			prev: page > 1 ? link(page - 1) : null,
			next: page < lastPage ? link(page + 1) : null,
		},
	};
}
