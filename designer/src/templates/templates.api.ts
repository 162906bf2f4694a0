import type { ApiClient } from '../api/api-client.ts';
import { isRecord, optionalString, unexpected } from '../api/response-reading.ts';

// The templates endpoints. Any channel may use any template; `channel` records what a template was written for
// (the template entity's TEMPLATE_CHANNELS).

export const TEMPLATE_CHANNELS = ['email', 'sms', 'letter', 'webhook'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export interface Template {
  id: string;
  key: string;
  channel: TemplateChannel;
  name: string;
  subject: string;
  bodyText: string;
  /** The short SMS text; null sends the body text by SMS. */
  smsText: string | null;
  /** E-mails from the template carry the reminder as a PDF letter too. */
  attachLetter: boolean;
  updatedAt: string;
}

/** POST /api/templates */
export interface NewTemplate {
  key: string;
  channel: TemplateChannel;
  name: string;
  subject: string;
  bodyText: string;
  smsText?: string;
  attachLetter?: boolean;
}

/** PUT /api/templates/:key: only what changed. */
export interface TemplateUpdate {
  name?: string;
  subject?: string;
  bodyText?: string;
  smsText?: string | null;
  attachLetter?: boolean;
}

/** POST /api/templates/preview: unsaved texts rendered for a real account, as the debtor would get them. */
export interface PreviewRequest {
  accountId: string;
  channel: TemplateChannel;
  subject: string;
  bodyText: string;
  smsText?: string;
}

export interface Preview {
  subject: string;
  text: string;
}

export function isTemplateChannel(value: unknown): value is TemplateChannel {
  return TEMPLATE_CHANNELS.some((channel) => channel === value);
}

export function readTemplate(value: unknown): Template {
  if (!isRecord(value)) throw unexpected('a template');
  const { id, key, channel, name, subject, bodyText, smsText, attachLetter, updatedAt } = value;
  if (
    typeof id !== 'string' ||
    typeof key !== 'string' ||
    !isTemplateChannel(channel) ||
    typeof name !== 'string' ||
    typeof subject !== 'string' ||
    typeof bodyText !== 'string'
  ) {
    throw unexpected('a template');
  }
  return { id, key, channel, name, subject, bodyText, smsText: optionalString(smsText) ?? null, attachLetter: attachLetter === true, updatedAt: optionalString(updatedAt) ?? '' };
}

export async function listTemplates(client: ApiClient, signal?: AbortSignal): Promise<Template[]> {
  const body = await client.get<unknown>('/api/templates', signal);
  if (!Array.isArray(body)) throw unexpected('a template list');
  return body.map(readTemplate);
}

export async function createTemplate(client: ApiClient, template: NewTemplate): Promise<Template> {
  return readTemplate(await client.post<unknown>('/api/templates', template));
}

export async function updateTemplate(client: ApiClient, key: string, update: TemplateUpdate): Promise<Template> {
  return readTemplate(await client.request<unknown>(`/api/templates/${encodeURIComponent(key)}`, { method: 'PUT', body: update }));
}

export async function previewTemplate(client: ApiClient, request: PreviewRequest, signal?: AbortSignal): Promise<Preview> {
  const body = await client.request<unknown>('/api/templates/preview', { method: 'POST', body: request, ...(signal ? { signal } : {}) });
  if (!isRecord(body) || typeof body['subject'] !== 'string' || typeof body['text'] !== 'string') {
    throw unexpected('a template preview');
  }
  return { subject: body['subject'], text: body['text'] };
}
