import { WebSocketServer, WebSocket } from 'ws';
import { createServer } from 'node:http';
import { verifyToken } from './auth';
import { loadRoomHistory, saveMessage, type ChatMessage } from './store';

const server = createServer();
const wss = new WebSocketServer({ noServer: true });
const rooms = new Map<string, Set<WebSocket>>();

function sendAsync(ws: WebSocket, data: string): Promise<void> {
  return new Promise((resolve, reject) => ws.send(data, (err) => (err ? reject(err) : resolve())));
}

async function replayHistory(ws: WebSocket, room: string) {
  const history = await loadRoomHistory(room, 100);
  // Messages must arrive in chronological order on this socket.
  for (const msg of history) {
    await sendAsync(ws, JSON.stringify(msg));
  }
}

async function broadcast(room: string, msg: ChatMessage) {
  const peers = rooms.get(room) ?? new Set();
  await Promise.allSettled([...peers].map((p) => sendAsync(p, JSON.stringify(msg))));
}

server.on('upgrade', async (req, socket, head) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const user = await verifyToken(url.searchParams.get('token'));
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, user, url.searchParams.get('room')));
  } catch {
    socket.destroy();
  }
});

wss.on('connection', (ws: WebSocket, user: { id: string }, room: string) => {
  if (!rooms.has(room)) rooms.set(room, new Set());
  rooms.get(room)!.add(ws);

  replayHistory(ws, room).catch(() => ws.close(1011, 'history unavailable'));

  ws.on('message', async (raw) => {
    const msg: ChatMessage = { room, from: user.id, text: raw.toString(), at: Date.now() };
    await saveMessage(msg);
    broadcast(room, msg); // expect: no-floating-promises
  });

  ws.on('close', () => {
    rooms.get(room)?.delete(ws);
  });
});

server.listen(Number(process.env.PORT ?? 8080));
