import { z } from 'zod';
import { REMINDER_CHANNELS } from '@recoup/domain';
import { uuidSchema } from './common.dto.ts';

export const templateChannelSchema = z.enum(REMINDER_CHANNELS);

/** A new template's key: strategies name templates by it, so it stays plain. */
export const templateKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lower-case letters and digits joined by hyphens, such as "overdue-30"' });

/** Looser than a new key, so a template stored under any key can still be read and edited. */
export const templateKeyParamsSchema = z.object({ key: z.string().min(1).max(200) });
export type TemplateKeyParams = z.infer<typeof templateKeyParamsSchema>;

const name = z.string().trim().min(1).max(200);
const subject = z.string().max(500);
const bodyText = z.string().min(1, { message: 'must not be empty' }).max(50_000);
/** Null sends the body text as the SMS. */
const smsText = z.string().min(1, { message: 'must not be empty; send null to use the body text' }).max(10_000).nullable();
/** An e-mail from the template also carries the reminder as a PDF letter with the open items. */
const attachLetter = z.boolean();

export const templateCreateSchema = z
  .object({
    key: templateKeySchema,
    /** The channel the template was written for; any reminder channel may still use it. */
    channel: templateChannelSchema.default('email'),
    name,
    subject,
    bodyText,
    smsText: smsText.default(null),
    attachLetter: attachLetter.default(false),
  })
  .strict();
export type TemplateCreate = z.infer<typeof templateCreateSchema>;

/** The fields to change; the key never changes, since published strategies refer to it. */
export const templateUpdateSchema = z
  .object({
    channel: templateChannelSchema.optional(),
    name: name.optional(),
    subject: subject.optional(),
    bodyText: bodyText.optional(),
    smsText: smsText.optional(),
    attachLetter: attachLetter.optional(),
  })
  .strict();
export type TemplateUpdate = z.infer<typeof templateUpdateSchema>;

export const templateViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  channel: templateChannelSchema,
  name: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  smsText: z.string().nullable(),
  attachLetter: z.boolean(),
  updatedAt: z.string(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

/** Render texts, saved or not, for one account as a reminder on the channel would (POST /api/templates/preview). */
export const templatePreviewRequestSchema = z
  .object({
    accountId: uuidSchema,
    channel: templateChannelSchema,
    subject,
    bodyText,
    smsText: smsText.optional(),
  })
  .strict();
export type TemplatePreviewRequest = z.infer<typeof templatePreviewRequestSchema>;

export const templatePreviewSchema = z.object({
  /** Empty for an SMS, which has no subject. */
  subject: z.string(),
  text: z.string(),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;
