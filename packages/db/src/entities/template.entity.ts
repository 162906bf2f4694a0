import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

// Any reminder channel may use any template: e-mail and webhook send the subject and body text, a letter prints
// them, an SMS sends smsText when set and the body text otherwise. `channel` records what the template was
// written for.
export const TEMPLATE_CHANNELS = ['email', 'sms', 'letter', 'webhook'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const Template = defineEntity({
  name: 'Template',
  tableName: 'template',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    key: p.text().unique(),
    channel: p.enum(TEMPLATE_CHANNELS).default('email'),
    name: p.text(),
    subject: p.text(),
    /** Mustache-style `{{var}}` placeholders. */
    bodyText: p.text(),
    /** The short text an SMS sends (also `{{var}}` placeholders); null sends the body text. */
    smsText: p.text().nullable(),
    /** An e-mail reminder from this template also carries it as a PDF letter with the open items. */
    attachLetter: p.boolean().default(false),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type ITemplate = InferEntity<typeof Template>;
