import type { RealBench } from './real-n8n';

interface Sample {
	ms: number;
	peakBytes: number;
}

interface Series {
	label: string;
	color: string;
}

const COLORS = { ourNode: '#2f6fdf', httpRequestNode: '#f2a33a', floor: '#17b897' };
const LABELS = {
	ourNode: '(a) this node',
	httpRequestNode: '(b) HTTP Request node',
	floor: '(c) floor',
};

/** A grouped bar chart of times in ms, one group per record count, log scale. */
function barChart(title: string, series: Series[], groups: Array<{ count: number; ms: number[] }>) {
	const width = 640;
	const height = 320;
	const top = 40;
	const bottom = 260;
	const all = groups.flatMap((group) => group.ms);
	const max = Math.log10(Math.max(...all) * 1.5);
	const min = Math.log10(Math.max(1, Math.min(...all) / 2));
	const y = (ms: number) =>
		bottom - ((Math.log10(Math.max(ms, 1)) - min) / (max - min)) * (bottom - top);
	const parts: string[] = [];
	groups.forEach((group, index) => {
		const x0 = 80 + index * 180;
		series.forEach((one, i) => {
			const ms = group.ms[i];
			const x = x0 + i * 44;
			parts.push(
				`<rect x="${x}" y="${y(ms).toFixed(1)}" width="36" height="${(bottom - y(ms)).toFixed(1)}" fill="${one.color}"/>`,
				`<text x="${x + 18}" y="${(y(ms) - 4).toFixed(1)}" font-size="10" text-anchor="middle">${ms.toFixed(0)}</text>`,
			);
		});
		parts.push(
			`<text x="${x0 + 62}" y="${bottom + 18}" font-size="12" text-anchor="middle">${group.count.toLocaleString('en-GB')} records</text>`,
		);
	});
	const legend = series.map(
		(one, i) =>
			`<rect x="${80 + i * 180}" y="292" width="12" height="12" fill="${one.color}"/><text x="${96 + i * 180}" y="302" font-size="12">${one.label}</text>`,
	);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
		'<rect width="100%" height="100%" fill="#fff"/>',
		`<text x="20" y="24" font-size="14">${title}</text>`,
		`<line x1="70" y1="${bottom}" x2="${width - 20}" y2="${bottom}" stroke="#333"/>`,
		...parts,
		...legend,
		'</svg>',
		'',
	].join('\n');
}

/** The first table's times: the three cases in the in-process engine. */
export function chartSvg(
	rows: Array<{ count: number; results: Record<keyof typeof COLORS, Sample> }>,
) {
	const names = Object.keys(COLORS) as Array<keyof typeof COLORS>;
	return barChart(
		'Time to send the records to Patchworks (ms, median, log scale)',
		names.map((name) => ({ label: LABELS[name], color: COLORS[name] })),
		rows.map((row) => ({ count: row.count, ms: names.map((name) => row.results[name].ms) })),
	);
}

/** The second table's times: the measured node's executionTime in a real n8n. */
export function realChartSvg(bench: RealBench) {
	return barChart(
		`The node’s own time in n8n ${bench.n8nVersion} (ms, median, log scale)`,
		[
			{ label: LABELS.ourNode, color: COLORS.ourNode },
			{ label: `(b), ${bench.defaultEngine} engine (default)`, color: COLORS.httpRequestNode },
			{ label: '(b), legacy engine', color: '#c9b27c' },
		],
		bench.rows.map((row) => ({
			count: row.count,
			ms: [
				row.results.ourNode.nodeMs,
				row.results.httpRequestNode.nodeMs,
				row.results.httpRequestNodeLegacy.nodeMs,
			],
		})),
	);
}
