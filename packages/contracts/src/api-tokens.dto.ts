import { z } from 'zod';
import { API_TOKEN_SCOPES } from '@recoup/domain';
import { dateTimeSchema, uuidSchema } from './common.dto.ts';
import { roleSchema } from './auth.dto.ts';

export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);

/** POST /api/admin/api-tokens: a named token acting as one user, within its scopes, until it expires or is revoked. */
export const createApiTokenRequestSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }).max(100, { message: 'must have at most 100 characters' }),
    /** The user the token acts as; its role and team bound what the token may do. */
    userId: uuidSchema,
    scopes: z
      .array(apiTokenScopeSchema)
      .min(1, { message: 'must name at least one scope' })
      .max(API_TOKEN_SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'must not name a scope twice' }),
    /** null or absent: the token does not expire. A time already past is refused. */
    expiresAt: dateTimeSchema.nullable().optional(),
  })
  .strict();
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

export const apiTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The secret's first characters, to tell tokens apart; the secret itself is shown only once, at creation. */
  prefix: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: roleSchema }),
  scopes: z.array(apiTokenScopeSchema),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** active, expired or revoked, as of the answer. */
  status: z.enum(['active', 'expired', 'revoked']),
});
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;

export const createdApiTokenSchema = z.object({
  token: apiTokenViewSchema,
  /** Send it as "Authorization: Bearer <secret>". It is not stored and cannot be shown again. */
  secret: z.string(),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenViewSchema) });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

/** GET /api/admin/api-tokens/scopes: the scopes a token can be given, with what each opens. */
export const apiTokenScopeListSchema = z.object({
  items: z.array(z.object({ scope: apiTokenScopeSchema, description: z.string() })),
});
export type ApiTokenScopeList = z.infer<typeof apiTokenScopeListSchema>;
