import type { Flow } from './types';

// Version ids equal version numbers here so tests can say "version 2"; pass `flows` to
// make them differ, as they usually do in a real account.
export const DEFAULT_FLOWS: readonly Flow[] = [
	{
		id: 101,
		name: 'Orders to ERP',
		versions: [
			{ id: 1, number: 1, status: 'deployed' },
			{ id: 2, number: 2, status: 'draft' },
		],
		deployed: 1,
	},
	{
		id: 102,
		name: 'Stock sync',
		versions: [{ id: 1, number: 1, status: 'deployed' }],
		deployed: 1,
	},
	{
		id: 103,
		name: 'Draft returns flow',
		versions: [{ id: 1, number: 1, status: 'draft' }],
		deployed: null,
	},
];

export const DEFAULT_API_KEYS: readonly string[] = ['test-key-123'];

export const DEFAULT_USERS: ReadonlyArray<{ email: string; password: string }> = [
	{ email: 'ops@example.com', password: 'correct horse' },
];

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
