/**
 * The destination for every host the tests did not map to the fixture
 * server: Chromium resolves `*` to it, Firefox uses it as its HTTP and HTTPS
 * proxy. It answers nothing useful; it records where each connection wanted
 * to go (the Host header, the CONNECT target, or the TLS server name), so a
 * test can prove that no request left the machine, including requests from
 * extension pages that no page listener can see.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface CatchAllServer {
  port: number;
  /** Destination host of each connection, in arrival order (no port). */
  hosts: string[];
  /** First line of each plain-text request, for failure messages. */
  lines: string[];
  close(): Promise<void>;
}

const TLS_HANDSHAKE = 0x16;

/** The server_name extension of a TLS ClientHello, or null. */
export function tlsServerName(hello: Buffer): string | null {
  try {
    if (hello[0] !== TLS_HANDSHAKE || hello[5] !== 0x01) return null;
    let at = 5 + 4 + 2 + 32; // record header, handshake header, version, random
    at += 1 + hello[at]; // session id
    at += 2 + hello.readUInt16BE(at); // cipher suites
    at += 1 + hello[at]; // compression methods
    const end = at + 2 + hello.readUInt16BE(at);
    at += 2;
    while (at + 4 <= end) {
      const type = hello.readUInt16BE(at);
      const length = hello.readUInt16BE(at + 2);
      if (type === 0) {
        const nameLength = hello.readUInt16BE(at + 4 + 3);
        return hello.toString('ascii', at + 4 + 5, at + 4 + 5 + nameLength);
      }
      at += 4 + length;
    }
  } catch {
    // A truncated hello: no name to report.
  }
  return null;
}

function stripPort(hostAndPort: string): string {
  return hostAndPort.replace(/:\d+$/, '').toLowerCase();
}

/** Host named by the first bytes a client sent, or a placeholder. */
function destinationOf(first: Buffer): { host: string; line: string } {
  if (first[0] === TLS_HANDSHAKE) return { host: tlsServerName(first) ?? '(tls without server name)', line: '(tls)' };
  const text = first.toString('latin1');
  const line = text.split('\r\n', 1)[0];
  const connect = /^CONNECT (\S+)/.exec(line);
  if (connect) return { host: stripPort(connect[1]), line };
  const absolute = /^[A-Z]+ https?:\/\/([^/\s]+)/.exec(line);
  if (absolute) return { host: stripPort(absolute[1]), line };
  const header = /\r\nhost:\s*([^\r\n]+)/i.exec(text);
  return { host: header ? stripPort(header[1].trim()) : '(no host)', line };
}

export async function startCatchAllServer(): Promise<CatchAllServer> {
  const hosts: string[] = [];
  const lines: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (first) => {
      const { host, line } = destinationOf(first);
      hosts.push(host);
      lines.push(line);
      if (first[0] === TLS_HANDSHAKE) socket.destroy();
      else socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    hosts,
    lines,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
