import { startStandin } from './index';
import type { RecordedRequest } from './types';

function flag(name: string): number | undefined {
	const at = process.argv.indexOf(`--${name}`);
	if (at === -1) return undefined;
	const value = Number(process.argv[at + 1]);
	if (!Number.isInteger(value) || value < 0) {
		throw new Error(`--${name} needs a whole number, got "${process.argv[at + 1] ?? ''}"`);
	}
	return value;
}

function logLine(request: RecordedRequest): void {
	const status = request.replyStatus ?? 'socket destroyed';
	process.stderr.write(
		`${request.method} ${request.url} -> ${status} (${request.body.length} B)\n`,
	);
}

async function main(): Promise<void> {
	const standin = await startStandin({
		port: flag('port'),
		runDurationMs: flag('run-duration-ms'),
		onReply: logLine,
	});
	process.stdout.write(`${JSON.stringify({ url: standin.url })}\n`);
	const stop = () => void standin.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
