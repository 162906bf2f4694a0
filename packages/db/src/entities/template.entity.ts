import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const TEMPLATE_CHANNELS = ['email'] as const;
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
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type ITemplate = InferEntity<typeof Template>;
