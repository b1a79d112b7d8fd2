// Bytes on a socket, for what fetch() will not send: malformed, split or smuggling
// requests. Resolves with everything the server wrote before it closed.
import net from 'node:net';

export function rawExchange(base, chunks, { pauseMs = 0, between } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let data = '';
    socket.on('data', (d) => { data += d; });
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
    socket.on('connect', async () => {
      for (let i = 0; i < chunks.length; i++) {
        socket.write(chunks[i]);
        if (i < chunks.length - 1) {
          if (between) await between(i);
          await new Promise((r) => setTimeout(r, pauseMs));
        }
      }
    });
  });
}
