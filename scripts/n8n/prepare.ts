// Warms the n8n cache ahead of a demo or an e2e run: `tsx scripts/n8n/prepare.ts [1.123|2.40]`.
import { ensureN8n } from './install';
import { N8N_LINES } from './lines';

async function main() {
	const wanted = process.argv.slice(2);
	const ids = wanted.length ? wanted : Object.keys(N8N_LINES);
	const installs = await Promise.all(ids.map((id) => ensureN8n(id)));
	for (const install of installs) {
		process.stdout.write(`${install.line.version}\t${install.dir}\t${install.installSeconds} s\n`);
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
