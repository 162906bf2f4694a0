import { z } from 'zod';
import { uuidSchema } from './common.dto.ts';
import { roleSchema } from './auth.dto.ts';

/** The same floor as the create-user command line: length is what makes a password hard to guess. */
export const MIN_PASSWORD_LENGTH = 12;

export const newPasswordSchema = z
  .string({ message: 'is required' })
  .min(MIN_PASSWORD_LENGTH, { message: `must have at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(1024, { message: 'must have at most 1024 characters' });

const userNameSchema = z.string().trim().min(1, { message: 'is required' }).max(200, { message: 'must have at most 200 characters' });

export const createUserRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })),
    name: userNameSchema,
    role: roleSchema,
    password: newPasswordSchema,
    /** The manager whose team a collector joins; only collectors are on a team. */
    managerId: uuidSchema.nullable().optional(),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    name: userNameSchema.optional(),
    role: roleSchema.optional(),
    /** null takes the collector off their team. */
    managerId: uuidSchema.nullable().optional(),
    active: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must change at least one of name, role, managerId or active',
  });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.object({ password: newPasswordSchema }).strict();
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const userAdminViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  managerId: z.string().nullable(),
  capacity: z.number().int(),
  skills: z.array(z.string()),
  pools: z.array(z.string()),
  createdAt: z.string(),
  /** While failed sign-ins keep the user locked out: when that lock ends (an admin may lift it sooner). */
  signInLockedUntil: z.string().nullable(),
});
export type UserAdminView = z.infer<typeof userAdminViewSchema>;
