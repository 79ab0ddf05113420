import { connect } from 'node:net';

/**
 * `GET path` on `host:port` through a SOCKS5 proxy (Tor's SocksPort), the name resolved by the
 * proxy (an onion address never reaches DNS). Resolves with the HTTP status.
 */
export function socksGet(
  socks: { host: string; port: number },
  host: string,
  port: number,
  path: string,
  ms: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(socks);
    socket.setTimeout(ms, () => socket.destroy(new Error('timed out')));
    socket.once('error', reject);
    let stage: 'greeting' | 'connect' | 'http' = 'greeting';
    let buffered = Buffer.alloc(0);
    socket.once('connect', () => socket.write(Buffer.from([5, 1, 0])));
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (stage === 'greeting' && buffered.length >= 2) {
        if (buffered[0] !== 5 || buffered[1] !== 0)
          return socket.destroy(new Error('not a SOCKS5 proxy'));
        buffered = buffered.subarray(2);
        stage = 'connect';
        const name = Buffer.from(host);
        const request = Buffer.from([5, 1, 0, 3, name.length, ...name, port >> 8, port & 255]);
        socket.write(request);
      }
      // The reply names the bound address: 4 bytes (IPv4), 16 (IPv6) or a length-prefixed name.
      const replyLength =
        buffered[3] === 4 ? 22 : buffered[3] === 3 ? 7 + (buffered[4] ?? 255) : 10;
      if (stage === 'connect' && buffered.length >= 2 && buffered[1] !== 0)
        return socket.destroy(
          new Error(`the proxy could not connect (SOCKS reply ${buffered[1]})`),
        );
      if (stage === 'connect' && buffered.length >= replyLength) {
        buffered = buffered.subarray(replyLength);
        stage = 'http';
        socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      }
      if (stage === 'http') {
        const line = /^HTTP\/1\.[01] (\d{3})/.exec(buffered.toString('latin1'));
        if (line) {
          resolve(Number(line[1]));
          socket.destroy();
        }
      }
    });
    socket.once('close', () => reject(new Error('connection closed')));
  });
}
