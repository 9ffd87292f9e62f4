import { EventEmitter } from 'node:events';

/** A tiny gateway client: connects, re-emits gateway events, exposes guilds. */
export class ChatClient extends EventEmitter {
  constructor({ token, intents }) {
    super();
    this.token = token;
    this.intents = intents;
    this.guilds = new Map();
    this.user = null;
  }

  async login() {
    const response = await fetch('https://gateway.example.chat/v1/session', {
      method: 'POST',
      headers: { authorization: `Bot ${this.token}` },
      body: JSON.stringify({ intents: this.intents }),
    });
    if (!response.ok) throw new Error(`login failed: ${response.status}`);
    const session = await response.json();
    this.user = session.user;
    for (const guild of session.guilds) this.guilds.set(guild.id, guild);
    this.emit('ready');
  }

  destroy() {
    this.removeAllListeners();
    this.guilds.clear();
  }
}
