/** The parts of n8n's IRun that the demo and the tests read. */
export interface N8nRun {
	finished?: boolean;
	status?: string;
	data: {
		resultData: {
			error?: { message?: string; description?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
			runData: Record<string, NodeRun[]>;
		};
	};
}

export interface NodeRun {
	executionTime?: number;
	executionStatus?: string;
	error?: { message?: string; description?: string; httpCode?: string; name?: string };
	data?: { main: Array<Array<OutputItem> | null> };
}

export interface OutputItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number; input?: number } | Array<{ item: number; input?: number }> | number;
}

/**
 * Finds n8n's run JSON in CLI output that also holds log lines (and, on a failed run,
 * the same JSON inside a log message). Every `{` that starts a line is tried as the start
 * of a balanced JSON value; the largest one shaped like a run wins.
 */
export function extractRun(output: string): N8nRun | undefined {
	let best: { run: N8nRun; length: number } | undefined;
	const starts = /^\s*\{/gm;
	for (let match = starts.exec(output); match; match = starts.exec(output)) {
		const start = output.indexOf('{', match.index);
		const end = balancedEnd(output, start);
		if (end < 0) continue;
		const text = output.slice(start, end + 1);
		let next = start + 1;
		try {
			const value = JSON.parse(text) as Partial<N8nRun>;
			if (value?.data?.resultData?.runData && (!best || text.length > best.length)) {
				best = { run: value as N8nRun, length: text.length };
			}
			// A whole JSON value: the braces inside it need no separate try.
			next = end + 1;
		} catch {
			// Not JSON after all (a log line that starts with a brace); try the next start.
		}
		starts.lastIndex = Math.max(starts.lastIndex, next);
	}
	return best?.run;
}

/** Index of the brace that closes the one at `start`, skipping braces inside strings. */
function balancedEnd(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (char === '\\') i++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if (char === '}' || char === ']') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

export function nodeOutput(run: N8nRun, nodeName: string): OutputItem[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`The run has no data for node "${nodeName}"`);
	return runs[0].data?.main[0] ?? [];
}
