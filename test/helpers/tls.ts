import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LocalCertificates {
	/** The CA certificate's file: what NODE_EXTRA_CA_CERTS would name. */
	caPath: string;
	ca: string;
	/** Key and certificate of a server at 127.0.0.1 and localhost, signed by the CA. */
	key: string;
	cert: string;
	remove(): void;
}

/**
 * A throwaway certificate authority and a server certificate it signed, made with the
 * `openssl` command in a temporary folder. Nothing on the machine trusts the CA.
 */
export function createLocalCertificates(): LocalCertificates {
	const dir = mkdtempSync(path.join(tmpdir(), 'patchworks-tls-'));
	const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
	const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	openssl(
		...['req', '-x509', ...newKey, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2'],
		...['-subj', '/CN=Patchworks test CA'],
		...['-addext', 'basicConstraints=critical,CA:TRUE'],
		...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
	);
	openssl(
		'req',
		...newKey,
		'-keyout',
		'server.key',
		'-out',
		'server.csr',
		'-subj',
		'/CN=127.0.0.1',
	);
	writeFileSync(
		path.join(dir, 'server.ext'),
		'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
	);
	openssl(
		...['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key'],
		...['-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext'],
	);
	const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
	return {
		caPath: path.join(dir, 'ca.pem'),
		ca: read('ca.pem'),
		key: read('server.key'),
		cert: read('server.pem'),
		remove: () => rmSync(dir, { recursive: true, force: true }),
	};
}
