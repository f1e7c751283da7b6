import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export interface RecordingProxy {
	/** For HTTPS_PROXY, e.g. `http://127.0.0.1:41234`. */
	url: string;
	/** The target of every CONNECT, as `host:port`, in order of arrival. */
	connects: string[];
	/** Requests sent to the proxy as plain HTTP (refused with 502), as `METHOD url`. */
	plain: string[];
	close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 that tunnels CONNECT requests, as corporate proxies do for
 * HTTPS, and records where each one went. TLS stays end to end: it sees no request inside.
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
	const connects: string[] = [];
	const plain: string[] = [];
	const sockets = new Set<Duplex>();
	const track = (socket: Duplex) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
	};
	const server = http.createServer((req, res) => {
		plain.push(`${req.method} ${req.url}`);
		res.writeHead(502).end();
	});
	server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
		const target = req.url ?? '';
		connects.push(target);
		track(client);
		const colon = target.lastIndexOf(':');
		const upstream = net.connect(Number(target.slice(colon + 1)), target.slice(0, colon), () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		track(upstream);
		upstream.on('close', () => client.destroy());
		client.on('close', () => upstream.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		connects,
		plain,
		async close() {
			for (const socket of sockets) socket.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			);
		},
	};
}
