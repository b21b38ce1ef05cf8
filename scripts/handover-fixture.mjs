// For scripts/handover.test.ts: the first process of scripts/server.mjs in small. It hands every
// connection to its one worker (scripts/handover.mjs) and prints what happens as JSON lines. The
// worker answers GET / with "ok"; GET /busy with "busy", then keeps its event loop busy for 20 s,
// as a long render or save would, so that the connections handed to it meanwhile are not taken.
import cluster from 'node:cluster';
import http from 'node:http';
import net from 'node:net';
import { handovers, takeConnection } from './handover.mjs';

const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

if (cluster.isPrimary) {
  const handed = handovers();
  const worker = cluster.fork();
  const server = net.createServer((socket) => {
    socket.once('data', (head) => {
      socket.pause();
      socket._handle?.readStop();
      handed.give(worker, socket, head);
    });
  });
  worker.on('message', (message) => {
    if (message?.type === 'taken') handed.taken(worker, message.id);
    if (message?.type === 'ready') server.listen(0, '127.0.0.1', () => say({ port: server.address().port, worker: worker.process.pid }));
  });
  worker.on('exit', (code, signal) => say({ exited: signal ?? code, untaken: handed.exited(worker) }));
} else {
  const server = http.createServer((req, res) => {
    if (req.url !== '/busy') return res.end('ok');
    res.end('busy', () => {
      for (const until = Date.now() + 20_000; Date.now() < until; );
    });
  });
  process.on('message', (message, socket) => {
    if (message?.type === 'connection') takeConnection(server, message, socket);
  });
  process.send({ type: 'ready' });
}
