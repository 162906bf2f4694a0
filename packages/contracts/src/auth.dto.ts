import { z } from 'zod';

export const ROLES = ['admin', 'manager', 'collector'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })),
  password: z.string().min(1, { message: 'is required' }).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type UserView = z.infer<typeof userViewSchema>;

export const loginResponseSchema = z.object({ user: userViewSchema, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({ user: userViewSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

export const csrfResponseSchema = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof csrfResponseSchema>;
