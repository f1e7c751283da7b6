/** Typical order records of about 150 bytes of JSON each, the same every run. */
export function makeRecords(count: number) {
	const cities = ['Leeds', 'Bristol', 'York', 'Derby', 'Bath'];
	return Array.from({ length: count }, (_, n) => ({
		json: {
			id: 100_000 + n,
			sku: `SKU-${String(n % 9973).padStart(5, '0')}`,
			qty: (n % 7) + 1,
			price: Math.round(((n * 37) % 10_000) + 99) / 100,
			customer: `customer${n % 5000}@example.com`,
			city: cities[n % cities.length],
			createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
		},
	}));
}
