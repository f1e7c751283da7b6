// n8n's date fields give local date-times without an offset, meant in the workflow's time zone.
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

function offsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	const shown = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return shown - Math.floor(utcMs / 1000) * 1000;
}

/**
 * A moment as Unix milliseconds, the unit of the run list's date filters: from a date-time
 * text (in `timeZone` when it has no offset), a number of milliseconds, a Date, or a Luxon
 * DateTime from an expression. Undefined when it is none of those.
 */
export function toEpochMs(value: unknown, timeZone: string): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	const toMillis = (value as { toMillis?: unknown } | null)?.toMillis;
	if (typeof toMillis === 'function') return (toMillis as () => number).call(value);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	if (HAS_OFFSET.test(text)) {
		const parsed = Date.parse(text);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	const local = text.includes('T') ? text : `${text}T00:00:00`;
	const asUtc = Date.parse(`${local}Z`);
	if (Number.isNaN(asUtc)) return undefined;
	// Twice, so a moment next to a daylight-saving change takes the offset it really has.
	const first = asUtc - offsetMs(asUtc, timeZone);
	return asUtc - offsetMs(first, timeZone);
}
