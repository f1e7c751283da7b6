/** Works through the tasks in order, at most `concurrency` at a time, until `stop()` is true. */
export async function inPool<T>(
	tasks: T[],
	concurrency: number,
	work: (task: T) => Promise<void>,
	stop: () => boolean,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length && !stop()) await work(tasks[next++]);
	};
	const workers = Math.max(1, Math.min(concurrency, tasks.length));
	await Promise.all(Array.from({ length: workers }, worker));
}
