// Flow and version IDs are positive whole numbers; anything else would build a wrong URL.
export function parseId(value: unknown): string | undefined {
	if (typeof value === 'number') {
		return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (!/^\d+$/.test(text)) return undefined;
	const digits = text.replace(/^0+/, '');
	if (digits === '' || !Number.isSafeInteger(Number(digits))) return undefined;
	return digits;
}

export function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

export function describeValue(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (value === undefined) return 'nothing';
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}
