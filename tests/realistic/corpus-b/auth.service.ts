import { Injectable, UnauthorizedException } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { pbkdf2Sync, randomBytes, scryptSync, timingSafeEqual, createHash } from 'crypto';
import { promisify } from 'util';
import { scrypt } from 'crypto';
import { JwtService } from '@nestjs/jwt';
import { PrismaService } from '../prisma/prisma.service';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

function legacyHash(password: string, salt: string): string {
  return pbkdf2Sync(password, salt, 100_000, 64, 'sha512').toString('hex');
}

function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

@Injectable()
export class AuthService {
  constructor(private readonly prisma: PrismaService, private readonly jwt: JwtService) {}

  async login(email: string, password: string) {
    const user = await this.prisma.user.findUnique({ where: { email } });
    if (!user) throw new UnauthorizedException();

    let ok: boolean;
    if (user.hashAlgo === 'pbkdf2') {
      ok = legacyHash(password, user.salt) === user.passwordHash; // expect: no-blocking-in-async
    } else {
      ok = bcrypt.compareSync(password, user.passwordHash); // expect: no-blocking-in-async
    }
    if (!ok) throw new UnauthorizedException();

    const token = await this.jwt.signAsync({ sub: user.id });
    return { token, fp: fingerprint(token) };
  }

  async register(email: string, password: string) {
    const passwordHash = await bcrypt.hash(password, 12);
    return this.prisma.user.create({ data: { email, passwordHash, hashAlgo: 'bcrypt' } });
  }

  async deriveApiKey(userId: string) {
    const salt = randomBytes(16);
    const key = scryptSync(userId, salt, 32); // expect: no-blocking-in-async
    await this.prisma.apiKey.create({ data: { userId, salt: salt.toString('hex'), hash: key.toString('hex') } });
    return key.toString('base64url');
  }

  async verifyApiKey(userId: string, presented: string) {
    const record = await this.prisma.apiKey.findFirstOrThrow({ where: { userId } });
    const derived = await scryptAsync(userId, Buffer.from(record.salt, 'hex'), 32);
    return timingSafeEqual(derived, Buffer.from(presented, 'base64url'));
  }
}
