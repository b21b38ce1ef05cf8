// How the first process of the server (scripts/server.mjs) hands a new connection to a reader or
// the editor process, and what becomes of it when that process dies before taking it.
//
// Node sends a socket to a child process over the IPC channel and keeps its own copy of the
// connection until the child acknowledges it; the sockets sent meanwhile wait in a queue. A child
// killed before it read the message (its event loop busy with a render or a save) never
// acknowledges: Node then keeps that connection and every one queued behind it open for good,
// without a word, and their clients wait for an answer that never comes (undici gives up after
// 300 s). So this process keeps its own copy of each connection it hands over until the process
// says it took it, and closes the ones it never took when it exits: their clients get an error at
// once, as the ones it had taken do.

/** The first process's side: the connections handed over and not yet taken, by worker. */
export function handovers() {
  let last = 0;
  const untaken = new Map();
  return {
    /** Hands `socket`, of which `head` was already read, to `worker`. */
    give(worker, socket, head) {
      const id = ++last;
      if (!untaken.has(worker.id)) untaken.set(worker.id, new Map());
      const mine = untaken.get(worker.id);
      mine.set(id, socket);
      worker.send({ type: 'connection', id, head: head.toString('latin1') }, socket, { keepOpen: true }, (error) => {
        if (!error) return;
        mine.delete(id);
        socket.destroy();
      });
    },
    /** `worker` has connection `id` now: this process's copy is closed, the connection stays open there. */
    taken(worker, id) {
      untaken.get(worker.id)?.get(id)?.destroy();
      untaken.get(worker.id)?.delete(id);
    },
    /** `worker` exited: the connections it never took are closed. Returns how many there were. */
    exited(worker) {
      const mine = untaken.get(worker.id);
      untaken.delete(worker.id);
      for (const socket of mine?.values() ?? []) socket.destroy();
      return mine?.size ?? 0;
    },
  };
}

/** A reader or the editor process's side: says it took the connection, then serves it with `server`. */
export function takeConnection(server, message, socket) {
  process.send({ type: 'taken', id: message.id });
  if (!socket) return;
  server.emit('connection', socket);
  socket.emit('data', Buffer.from(message.head, 'latin1'));
  socket.resume();
}
