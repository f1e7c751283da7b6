import { toEpochMs } from '../../../../nodes/Patchworks/helpers/time';

describe('moments for the run list’s date filters', () => {
	it.each([
		['2025-06-01T12:00:00Z', 'Europe/Paris', '2025-06-01T12:00:00.000Z'],
		['2025-06-01T12:00:00+01:00', 'UTC', '2025-06-01T11:00:00.000Z'],
		['2025-06-01T12:00:00', 'Europe/Paris', '2025-06-01T10:00:00.000Z'],
		['2025-01-15T12:00:00.500', 'Europe/Paris', '2025-01-15T11:00:00.500Z'],
		['2025-06-01T12:00:00', 'America/New_York', '2025-06-01T16:00:00.000Z'],
		['2025-06-01', 'Asia/Tokyo', '2025-05-31T15:00:00.000Z'],
		['2025-03-30T03:30:00', 'Europe/Paris', '2025-03-30T01:30:00.000Z'],
		// 02:30 does not exist in Paris that night: it is read as 03:30, as Luxon reads it.
		['2025-03-30T02:30:00', 'Europe/Paris', '2025-03-30T01:30:00.000Z'],
		['2025-10-26T01:30:00', 'Europe/Paris', '2025-10-25T23:30:00.000Z'],
	])('reads %s in %s as %s', (value, zone, iso) => {
		expect(toEpochMs(value, zone)).toBe(Date.parse(iso));
	});

	it('takes milliseconds, Dates and Luxon-like DateTimes as they are', () => {
		const ms = Date.parse('2025-06-01T12:00:00Z');
		expect(toEpochMs(ms, 'UTC')).toBe(ms);
		expect(toEpochMs(new Date(ms), 'UTC')).toBe(ms);
		expect(toEpochMs({ toMillis: () => ms }, 'UTC')).toBe(ms);
	});

	it.each([['yesterday'], [''], [NaN], [{}], [null]])('refuses %j', (value) => {
		expect(toEpochMs(value, 'UTC')).toBeUndefined();
	});
});
