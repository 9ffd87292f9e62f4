import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './entities/user.entity';
import { Team } from './entities/team.entity';
import { AuditService } from '../audit/audit.service';
import { MailerService } from '../mailer/mailer.service';
import { BillingClient } from '@acme/billing-sdk';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
    private readonly billing: BillingClient,
  ) {}

  async getProfile(userId: string, teamId: string) {
    const user = await this.users.findOne({ where: { id: userId } }); // expect: prefer-promise-all
    const team = await this.teams.findOne({ where: { id: teamId } });
    if (!user || !team) throw new NotFoundException();
    return { ...user, team };
  }

  async getOwnerWithTeam(userId: string) {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    const team = await this.teams.findOne({ where: { id: user.teamId } });
    return { user, team };
  }

  async listUsers(page: number) {
    const total = await this.users.count();
    const rows = await this.users.find({ skip: page * 50, take: 50 });
    return { total, rows };
  }

  async deactivate(userId: string, actorId: string) {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    user.active = false;
    await this.users.save(user);
    this.recordDeactivation(user, actorId); // expect: no-floating-promises
    this.mailer.sendAccountClosed(user.email); // expect-typed: no-floating-promises
    return user;
  }

  async invite(email: string, teamId: string) {
    const created = await this.users.save(this.users.create({ email, teamId }));
    const seat = await this.billing.addSeat(teamId);
    void this.audit.log('user.invited', { email, teamId });
    this.sendWelcome(created).catch((err) => this.logger.warn(`welcome mail failed: ${err}`));
    return { created, seat };
  }

  private async recordDeactivation(user: User, actorId: string) {
    await this.audit.log('user.deactivated', { userId: user.id, actorId });
  }

  private async sendWelcome(user: User) {
    await this.mailer.sendWelcome(user.email);
  }

  async bulkRename(ids: string[], prefix: string) {
    const renamed: User[] = [];
    for (const id of ids) {
      const u = await this.users.findOneOrFail({ where: { id } }); // expect: prefer-promise-all-in-loop
      renamed.push({ ...u, name: `${prefix}${u.name}` } as User);
    }
    return renamed;
  }

  async reportingSnapshot(teamId: string) {
    const members = await this.users.find({ where: { teamId } }); // expect: prefer-promise-all
    const invoices = await this.billing.listInvoices(teamId);
    return { members, invoices };
  }
}
