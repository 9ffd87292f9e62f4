import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConsumeMessage, connect, type Channel, type Connection } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';
import { TemplateService } from './template.service';
import { PushGateway } from './push.gateway';
import { PreferencesRepository } from './preferences.repository';

@Injectable()
export class NotificationConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationConsumer.name);
  private conn?: Connection;
  private channel?: Channel;

  constructor(
    private readonly templates: TemplateService,
    private readonly push: PushGateway,
    private readonly prefs: PreferencesRepository,
  ) {}

  async onModuleInit() {
    this.conn = await connect(process.env.AMQP_URL!);
    this.channel = await this.conn.createChannel();
    await this.channel.prefetch(20);
    await this.channel.consume('notifications', (msg) => {
      if (msg) void this.handle(msg);
    });
  }

  async onModuleDestroy() {
    await this.channel?.close();
    await this.conn?.close();
  }

  private async handle(msg: ConsumeMessage) {
    const job = JSON.parse(msg.content.toString()) as { userId: string; template: string; vars: object };
    try {
      const prefs = await this.prefs.forUser(job.userId);
      if (!prefs.pushEnabled) {
        this.channel!.ack(msg);
        return;
      }
      const body = await this.templates.render(job.template, { ...job.vars, locale: prefs.locale });
      await this.push.send(prefs.deviceTokens, body);
      this.channel!.ack(msg);
    } catch (err) {
      this.logger.warn(`notification failed: ${(err as Error).message}`);
      await sleep(250);
      this.channel!.nack(msg, false, true);
    }
  }

  async broadcast(userIds: string[], template: string) {
    const rendered = await this.templates.render(template, {}); // expect: prefer-promise-all
    const tokens = await Promise.all(userIds.map((id) => this.prefs.forUser(id)));
    const results = await Promise.allSettled(tokens.map((p) => this.push.send(p.deviceTokens, rendered)));
    return results.filter((r) => r.status === 'fulfilled').length;
  }

  async drain(limit: number) {
    let processed = 0;
    while (processed < limit) {
      const msg = await this.channel!.get('notifications', { noAck: false });
      if (!msg) break;
      await this.handle(msg);
      processed++;
    }
    return processed;
  }
}
