import type { Reply } from './types';

// JSON.stringify cannot write a bigint, and run ids may pass 2^53, so they are written as
// bare digits here instead.
export function toJson(value: unknown): string {
	if (typeof value === 'bigint') return value.toString();
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
	if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
	const members = Object.entries(value)
		.filter(([, member]) => member !== undefined && typeof member !== 'function')
		.map(([key, member]) => `${JSON.stringify(key)}:${toJson(member)}`);
	return `{${members.join(',')}}`;
}

export function message(status: number, text: string): Reply {
	return { status, body: { message: text } };
}

// Laravel's shape: the first error as message, plus "(and N more errors)".
export function validationError(errors: Record<string, string[]>): Reply {
	const all = Object.values(errors).flat();
	const more = all.length - 1;
	const suffix = more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''})` : '';
	return { status: 422, body: { message: `${all[0]}${suffix}`, errors } };
}

export function ok(body: unknown): Reply {
	return { status: 200, body };
}
