import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ApiToken, AppUser, type IApiToken, type IAppUser } from '@recoup/db';
import type { ApiTokenView, CreateApiTokenRequest, CreatedApiToken } from '@recoup/contracts';
import type { ApiTokenScope } from '@recoup/domain';
import { audit } from '../audit/audit.ts';
import { BusinessRuleError, ConflictError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { AuthUser } from './current-user.ts';

/** Every secret starts so, which lets secret scanners and people recognise a Recoup token. */
export const API_TOKEN_PREFIX = 'rcp_';
/** The prefix and 32 random bytes in base64url. */
const SECRET = /^rcp_[A-Za-z0-9_-]{43}$/;
const SHOWN_CHARACTERS = 8;
/** A token's last use is written at most this often, so a busy token does not write on every request. */
const LAST_USE_RESOLUTION_MS = 60_000;

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const statusOf = (token: IApiToken, now: Date): ApiTokenView['status'] =>
  token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';

const toView = (token: IApiToken, user: IAppUser, now: Date): ApiTokenView => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  user: { id: user.id, name: user.name, email: user.email, role: user.role },
  scopes: [...token.scopes] as ApiTokenScope[],
  expiresAt: token.expiresAt?.toISOString() ?? null,
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  createdAt: token.createdAt.toISOString(),
  revokedAt: token.revokedAt?.toISOString() ?? null,
  status: statusOf(token, now),
});

/** Who a token request acts as, and what the token allows. */
export interface TokenIdentity {
  token: { id: string; name: string; scopes: readonly ApiTokenScope[] };
  user: AuthUser;
}

/** The credentials machines use: created and revoked by admins, every change audited, the secret shown once. */
export class ApiTokensService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async list(now = new Date()): Promise<ApiTokenView[]> {
    const tokens = await this.#orm.em.fork().find(ApiToken, {}, { populate: ['user'], orderBy: { createdAt: 'desc', id: 'asc' } });
    return tokens.map((token) => toView(token, token.user, now));
  }

  async create(input: CreateApiTokenRequest, actor: AuthUser, now = new Date()): Promise<CreatedApiToken> {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) {
      throw new BusinessRuleError('token-expiry-past', 'expiresAt is already past; give a time in the future, or none.', {
        fields: [{ in: 'body', path: 'expiresAt', reason: 'is already past' }],
      });
    }
    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    return this.#orm.em.fork().transactional(async (em) => {
      const user = await em.findOne(AppUser, { id: input.userId });
      if (!user) {
        throw new BusinessRuleError('token-user-unknown', 'userId names no user.', { fields: [{ in: 'body', path: 'userId', reason: 'names no user' }] });
      }
      if (!user.active) {
        throw new BusinessRuleError('token-user-inactive', `userId names ${user.email}, who is deactivated; a token acts as an active user.`, {
          fields: [{ in: 'body', path: 'userId', reason: 'names a deactivated user' }],
        });
      }
      const token = em.create(ApiToken, {
        name: input.name,
        user,
        scopes: [...input.scopes],
        tokenHash: hashOf(secret),
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + SHOWN_CHARACTERS),
        expiresAt,
        createdBy: actor.id,
      });
      await em.flush();
      await audit(em, {
        actorId: actor.id,
        action: 'api-token.created',
        entity: 'api_token',
        entityId: token.id,
        details: { name: token.name, userId: user.id, role: user.role, scopes: [...token.scopes], expiresAt: token.expiresAt?.toISOString() ?? null, prefix: token.prefix },
      });
      return { token: toView(token, user, now), secret };
    });
  }

  /** Revokes at once: the next request with the token is refused. Revoking twice is refused with 409. */
  async revoke(id: string, actor: AuthUser, now = new Date()): Promise<ApiTokenView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const token = await em.findOne(ApiToken, { id }, { populate: ['user'] });
      if (!token) throw new NotFoundError('API token');
      if (token.revokedAt) throw new ConflictError('token-already-revoked', `The token "${token.name}" was revoked at ${token.revokedAt.toISOString()}.`);
      token.revokedAt = now;
      token.revokedBy = actor.id;
      await em.flush();
      await audit(em, { actorId: actor.id, action: 'api-token.revoked', entity: 'api_token', entityId: token.id, details: { name: token.name, prefix: token.prefix } });
      return toView(token, token.user, now);
    });
  }

  /**
   * The identity behind a bearer secret, or an UnauthenticatedError saying why not: malformed, unknown, revoked,
   * expired, or acting as a user who was deactivated since. The user is read on every request, like a session's,
   * so a change of role or team applies at once.
   */
  async authenticate(secret: string, now = new Date()): Promise<TokenIdentity> {
    if (!SECRET.test(secret)) {
      throw new UnauthenticatedError('token-malformed', `The bearer token is not a Recoup API token (they start with ${API_TOKEN_PREFIX}).`);
    }
    const em = this.#orm.em.fork();
    const token = await em.findOne(ApiToken, { tokenHash: hashOf(secret) }, { populate: ['user'] });
    if (!token) throw new UnauthenticatedError('token-unknown', 'The API token is not known; it may have been mistyped.');
    const status = statusOf(token, now);
    if (status === 'revoked') throw new UnauthenticatedError('token-revoked', `The API token "${token.name}" was revoked.`);
    if (status === 'expired') throw new UnauthenticatedError('token-expired', `The API token "${token.name}" expired at ${token.expiresAt?.toISOString() ?? ''}.`);
    const user = token.user;
    if (!user.active) throw new UnauthenticatedError('token-user-inactive', `The API token "${token.name}" acts as ${user.email}, who is deactivated.`);
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_RESOLUTION_MS) {
      await em.nativeUpdate(ApiToken, { id: token.id }, { lastUsedAt: now });
    }
    return {
      token: { id: token.id, name: token.name, scopes: [...token.scopes] as ApiTokenScope[] },
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
    };
  }
}
