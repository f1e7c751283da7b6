interface Sample {
	ms: number;
	peakBytes: number;
}

const COLORS = { ourNode: '#2f6fdf', httpRequestNode: '#f2a33a', floor: '#17b897' };
const LABELS = {
	ourNode: '(a) this node',
	httpRequestNode: '(b) HTTP Request node',
	floor: '(c) floor',
};

/** A grouped bar chart of the times, one group per record count, log scale. */
export function chartSvg(
	rows: Array<{ count: number; results: Record<keyof typeof COLORS, Sample> }>,
) {
	const width = 640;
	const height = 320;
	const top = 40;
	const bottom = 260;
	const all = rows.flatMap((row) => Object.values(row.results).map((s) => s.ms));
	const max = Math.log10(Math.max(...all) * 1.5);
	const min = Math.log10(Math.max(1, Math.min(...all) / 2));
	const y = (ms: number) =>
		bottom - ((Math.log10(Math.max(ms, 1)) - min) / (max - min)) * (bottom - top);
	const parts: string[] = [];
	rows.forEach((row, group) => {
		const x0 = 80 + group * 180;
		(Object.keys(COLORS) as Array<keyof typeof COLORS>).forEach((name, i) => {
			const ms = row.results[name].ms;
			const x = x0 + i * 44;
			parts.push(
				`<rect x="${x}" y="${y(ms).toFixed(1)}" width="36" height="${(bottom - y(ms)).toFixed(1)}" fill="${COLORS[name]}"/>`,
				`<text x="${x + 18}" y="${(y(ms) - 4).toFixed(1)}" font-size="10" text-anchor="middle">${ms.toFixed(0)}</text>`,
			);
		});
		parts.push(
			`<text x="${x0 + 62}" y="${bottom + 18}" font-size="12" text-anchor="middle">${row.count.toLocaleString('en-GB')} records</text>`,
		);
	});
	const legend = (Object.keys(COLORS) as Array<keyof typeof COLORS>).map(
		(name, i) =>
			`<rect x="${80 + i * 180}" y="292" width="12" height="12" fill="${COLORS[name]}"/><text x="${96 + i * 180}" y="302" font-size="12">${LABELS[name]}</text>`,
	);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
		'<rect width="100%" height="100%" fill="#fff"/>',
		'<text x="20" y="24" font-size="14">Time to send the records to Patchworks (ms, median, log scale)</text>',
		`<line x1="70" y1="${bottom}" x2="${width - 20}" y2="${bottom}" stroke="#333"/>`,
		...parts,
		...legend,
		'</svg>',
		'',
	].join('\n');
}
