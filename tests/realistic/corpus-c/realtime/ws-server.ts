import { WebSocketServer, WebSocket } from 'ws';
import Redis from 'ioredis';
import { verifyToken } from './auth';
import { roomHistory, saveMessage } from './rooms';

const wss = new WebSocketServer({ port: Number(process.env.WS_PORT ?? 8081) });
const pub = new Redis(process.env.REDIS_URL);
const members = new Map<string, Set<WebSocket>>();

async function broadcast(room: string, payload: unknown): Promise<void> {
  const text = JSON.stringify(payload);
  for (const socket of members.get(room) ?? []) {
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
  }
  await pub.publish(`room:${room}`, text);
}

async function join(socket: WebSocket, room: string, userId: string): Promise<void> {
  const set = members.get(room) ?? new Set<WebSocket>();
  set.add(socket);
  members.set(room, set);
  // History first, then the presence notice: the client renders them in arrival order.
  socket.send(JSON.stringify({ type: 'history', messages: await roomHistory(room, 50) }));
  await broadcast(room, { type: 'joined', userId });
}

wss.on('connection', (socket: WebSocket, request: { url?: string }) => {
  const token = new URL(request.url ?? '/', 'http://x').searchParams.get('token') ?? '';
  let userId: string | undefined;
  const joined = new Set<string>();

  // Verified once per connection; a bad token closes the socket (the rejection is handled here).
  const ready = verifyToken(token).then(
    (id) => {
      userId = id;
    },
    () => socket.close(4001),
  );

  socket.on('message', async (raw: Buffer) => {
    try {
      await ready;
      const msg = JSON.parse(raw.toString('utf8'));
      if (!userId) return socket.close(4001);
      if (msg.type === 'join') {
        joined.add(msg.room);
        await join(socket, msg.room, userId);
      } else if (msg.type === 'say' && joined.has(msg.room)) {
        const stored = await saveMessage(msg.room, userId, msg.text);
        await broadcast(msg.room, { type: 'message', ...stored });
      }
    } catch (error) {
      socket.send(JSON.stringify({ type: 'error', message: (error as Error).message }));
    }
  });

  socket.on('close', () => {
    for (const room of joined) {
      members.get(room)?.delete(socket);
      if (userId) broadcast(room, { type: 'left', userId }); // expect: no-floating-promises
    }
  });
});
