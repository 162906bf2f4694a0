import type { NewTemplate, Template, TemplateChannel, TemplateUpdate } from './templates.api.ts';

// What the editor edits: every text as a string, the SMS text '' when there is none, and whether e-mails carry
// the PDF letter.

export interface TemplateFields {
  key: string;
  channel: TemplateChannel;
  name: string;
  subject: string;
  bodyText: string;
  smsText: string;
  attachLetter: boolean;
}

export type TemplateField = keyof TemplateFields;

export const TEMPLATE_FIELDS: readonly TemplateField[] = ['key', 'channel', 'name', 'subject', 'bodyText', 'smsText', 'attachLetter'];

export const EMPTY_FIELDS: TemplateFields = { key: '', channel: 'email', name: '', subject: '', bodyText: '', smsText: '', attachLetter: false };

export function fieldsOf(template: Template): TemplateFields {
  return {
    key: template.key,
    channel: template.channel,
    name: template.name,
    subject: template.subject,
    bodyText: template.bodyText,
    smsText: template.smsText ?? '',
    attachLetter: template.attachLetter,
  };
}

export function sameFields(a: TemplateFields, b: TemplateFields): boolean {
  return TEMPLATE_FIELDS.every((field) => a[field] === b[field]);
}

export function isTemplateField(value: string): value is TemplateField {
  return TEMPLATE_FIELDS.some((field) => field === value);
}

/** The PUT body: only what changed. Clearing the SMS text sends null, so SMS falls back to the body. */
export function updateOf(saved: Template, fields: TemplateFields): TemplateUpdate {
  const update: TemplateUpdate = {};
  if (fields.name !== saved.name) update.name = fields.name;
  if (fields.subject !== saved.subject) update.subject = fields.subject;
  if (fields.bodyText !== saved.bodyText) update.bodyText = fields.bodyText;
  if (fields.smsText !== (saved.smsText ?? '')) update.smsText = fields.smsText === '' ? null : fields.smsText;
  if (fields.attachLetter !== saved.attachLetter) update.attachLetter = fields.attachLetter;
  return update;
}

export function newTemplateOf(fields: TemplateFields): NewTemplate {
  const template: NewTemplate = {
    key: fields.key.trim(),
    channel: fields.channel,
    name: fields.name,
    subject: fields.subject,
    bodyText: fields.bodyText,
  };
  if (fields.smsText !== '') template.smsText = fields.smsText;
  if (fields.attachLetter) template.attachLetter = true;
  return template;
}

/** Field problems the page finds before asking the server; the server has the last word. */
export function missingFields(fields: TemplateFields, creating: boolean): Partial<Record<TemplateField, string>> {
  const problems: Partial<Record<TemplateField, string>> = {};
  if (creating && fields.key.trim() === '') problems.key = 'Give the template a key; strategies refer to it by this key.';
  if (fields.name.trim() === '') problems.name = 'Give the template a name.';
  if (fields.bodyText.trim() === '') problems.bodyText = 'Write the body text.';
  return problems;
}
