import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { roomHistory } from './rooms';

interface Member {
  userId: string;
  room: string;
  since: number;
}

const PRESENCE_URL = process.env.PRESENCE_URL ?? 'http://presence.internal';

async function persistPresence(member: Member, online: boolean): Promise<void> {
  const response = await fetch(`${PRESENCE_URL}/rooms/${member.room}/members/${member.userId}`, {
    method: online ? 'PUT' : 'DELETE',
  });
  if (!response.ok) throw new Error(`presence ${member.userId}: ${response.status}`);
}

/**
 * Loads the member list of a room. With a callback it reports through the callback and returns
 * nothing; without one it returns a promise.
 */
export function loadMembers(room: string): Promise<Member[]>;
export function loadMembers(room: string, done: (error: Error | null, members?: Member[]) => void): void;
export function loadMembers(room: string, done?: (error: Error | null, members?: Member[]) => void): Promise<Member[]> | void {
  const pending = fetch(`${PRESENCE_URL}/rooms/${room}/members`).then((r) => r.json() as Promise<Member[]>);
  if (!done) return pending;
  pending.then(
    (members) => done(null, members),
    (error: Error) => done(error),
  );
}

export class PresenceTracker extends EventEmitter {
  private readonly members = new Map<string, Member>();

  private readonly onLeave = async (member: Member): Promise<void> => {
    try {
      await persistPresence(member, false);
    } catch (error) {
      console.warn('could not persist leave', error);
    }
  };

  start(): void {
    this.on('leave', this.onLeave);
  }

  stop(): void {
    this.off('leave', this.onLeave);
    this.removeAllListeners('join');
  }

  async join(member: Member): Promise<void> {
    this.members.set(`${member.room}:${member.userId}`, member);
    await persistPresence(member, true);
    this.emit('join', member);
  }

  async resync(room: string): Promise<number> {
    const known = [...this.members.values()].filter((m) => m.room === room);
    const writes = known.map(async (member) => { // expect: no-misused-async-callback
      await persistPresence(member, true);
    });
    console.log(`resyncing ${writes.length} members of ${room}`);
    return known.length;
  }

  async roomSnapshot(room: string) {
    // The timer cannot reject; waiting for the history first and the pause after is fine.
    const minimumDelay = sleep(250);
    const history = await roomHistory(room, 20);
    await minimumDelay;
    return { history, members: [...this.members.values()].filter((m) => m.room === room) };
  }

  refreshLater(room: string): void {
    loadMembers(room, (error, members) => {
      if (error) return console.warn('refresh failed', error);
      for (const m of members ?? []) this.members.set(`${m.room}:${m.userId}`, m);
    });
  }

  async membersWithHistory(room: string) {
    const members = loadMembers(room);
    const withHistory = async () => ({ members: await members, history: await roomHistory(room, 5) });
    return withHistory();
  }
}
