import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Template, type ITemplate } from '@recoup/db';
import type { TemplateCreate, TemplatePreview, TemplatePreviewRequest, TemplateUpdate, TemplateView } from '@recoup/contracts';
import { AccountNotFoundError, previewReminder, SMS_MAX_CHARACTERS, SmsTooLongError, templateSyntaxError } from '@recoup/workflows/previews';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import type { FieldIssue } from '../errors.ts';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors.ts';
import { accessibleAccount } from '../shared/access-scope.ts';

type TextField = 'subject' | 'bodyText' | 'smsText';
const TEXT_FIELDS: readonly TextField[] = ['subject', 'bodyText', 'smsText'];
const EDITABLE_FIELDS = ['channel', 'name', 'subject', 'bodyText', 'smsText', 'attachLetter'] as const;

/**
 * Reminder templates: read by everyone, written by managers and admins. Every change is audited with the wording
 * it replaced, since what debtors were told matters long after the template changed.
 */
export class TemplatesService {
  readonly #orm: MikroORM;
  readonly #publicUrl: string;

  constructor(orm: MikroORM, publicUrl: string) {
    this.#orm = orm;
    this.#publicUrl = publicUrl;
  }

  async list(): Promise<TemplateView[]> {
    const templates = await this.#orm.em.fork().find(Template, {}, { orderBy: { key: 'asc' } });
    return templates.map(toView);
  }

  async get(key: string): Promise<TemplateView> {
    const template = await this.#orm.em.fork().findOne(Template, { key });
    if (!template) throw new NotFoundError('template');
    return toView(template);
  }

  async create(input: TemplateCreate, user: AuthUser): Promise<TemplateView> {
    refuseUnparsable(input);
    return this.#orm.em.fork().transactional(async (em) => {
      if ((await em.count(Template, { key: input.key })) > 0) {
        throw new ConflictError('template-key-taken', `A template with the key "${input.key}" already exists.`, {
          fields: [{ in: 'body', path: 'key', reason: 'is taken by another template' }],
        });
      }
      const template = em.create(Template, { ...input });
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'template.created',
        entity: 'template',
        entityId: template.id,
        details: { key: template.key, channel: template.channel, name: template.name },
      });
      return toView(template);
    });
  }

  async update(key: string, input: TemplateUpdate, user: AuthUser): Promise<TemplateView> {
    refuseUnparsable(input);
    return this.#orm.em.fork().transactional(async (em) => {
      const template = await em.findOne(Template, { key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!template) throw new NotFoundError('template');
      const before = toView(template);
      if (input.channel !== undefined) template.channel = input.channel;
      if (input.name !== undefined) template.name = input.name;
      if (input.subject !== undefined) template.subject = input.subject;
      if (input.bodyText !== undefined) template.bodyText = input.bodyText;
      if (input.smsText !== undefined) template.smsText = input.smsText;
      if (input.attachLetter !== undefined) template.attachLetter = input.attachLetter;
      const fields = EDITABLE_FIELDS.filter((field) => toView(template)[field] !== before[field]);
      if (fields.length === 0) return before;
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'template.updated',
        entity: 'template',
        entityId: template.id,
        details: { key, fields, previous: Object.fromEntries(fields.map((field) => [field, before[field]])) },
      });
      return toView(template);
    });
  }

  /** The texts rendered for the account as a reminder on the channel would render them now; nothing is stored. */
  /** Renders for an account the user may work on: a preview shows the account's figures. */
  async preview(input: TemplatePreviewRequest, user: AuthUser, now = new Date()): Promise<TemplatePreview> {
    refuseUnparsable(input);
    await accessibleAccount(this.#orm.em.fork(), user, input.accountId);
    const texts = { key: 'preview', subject: input.subject, bodyText: input.bodyText, smsText: input.smsText ?? null };
    try {
      return await previewReminder(this.#orm.em.fork(), {
        accountId: input.accountId,
        channel: input.channel,
        template: texts,
        publicUrl: this.#publicUrl,
        now,
      });
    } catch (error) {
      if (error instanceof AccountNotFoundError) throw new NotFoundError('account');
      if (error instanceof SmsTooLongError) {
        const field = texts.smsText === null ? 'bodyText' : 'smsText';
        const reason = `renders to an SMS of ${error.characters} characters for this account, over the limit of ${SMS_MAX_CHARACTERS}`;
        throw new BusinessRuleError('sms-too-long', `${field} ${reason}.`, { fields: [{ in: 'body', path: field, reason }] });
      }
      throw error;
    }
  }
}

/** Refuses texts Mustache cannot parse, naming each broken field, before they are stored or rendered. */
function refuseUnparsable(texts: Partial<Record<TextField, string | null>>): void {
  const fields: FieldIssue[] = [];
  for (const field of TEXT_FIELDS) {
    const text = texts[field];
    if (typeof text !== 'string') continue;
    const problem = templateSyntaxError(text);
    if (problem !== null) fields.push({ in: 'body', path: field, reason: `is not a valid Mustache template: ${problem}` });
  }
  if (fields.length > 0) {
    throw new BusinessRuleError('template-invalid', fields.map((f) => `${f.path} ${f.reason}.`).join(' '), { fields });
  }
}

const toView = (t: ITemplate): TemplateView => ({
  id: t.id,
  key: t.key,
  channel: t.channel,
  name: t.name,
  subject: t.subject,
  bodyText: t.bodyText,
  smsText: t.smsText ?? null,
  attachLetter: t.attachLetter,
  updatedAt: t.updatedAt.toISOString(),
});
