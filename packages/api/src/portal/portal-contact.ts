import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Account, AppUser, Communication, Contact, CollectorTask, type IContact } from '@recoup/db';
import { audit } from '../audit/audit.ts';
import { html, type Html } from './html.ts';
import { auditPortal } from './portal-audit.ts';
import type { PortalTexts } from './portal-texts.ts';
import type { PortalVisitor } from './portal-visitor.ts';

/** The channels a debtor may choose in the portal; each has its own consent and its own opt-out. */
export const PORTAL_CHANNELS = ['email', 'sms', 'letter'] as const;
export type PortalChannel = (typeof PORTAL_CHANNELS)[number];

/** The longest message a debtor may write, and how many a day an account may send before being asked to wait. */
export const MESSAGE_MAX_CHARS = 2_000;
export const MESSAGES_PER_DAY = 5;
const REPLY_DUE_MS = 86_400_000;

export interface ChannelChoice {
  channel: PortalChannel;
  /** Where messages on the channel go, as the debtor knows it. */
  address: string;
  /** Whether the creditor may use it: consent on file and no opt-out. */
  on: boolean;
}

const COLUMNS = {
  email: { address: 'email', consent: 'consentEmail', optedOut: 'emailOptedOutAt' },
  sms: { address: 'phone', consent: 'consentSms', optedOut: 'smsOptedOutAt' },
  letter: { address: 'postalAddress', consent: 'consentLetter', optedOut: 'letterOptedOutAt' },
} as const;

/** The channels the contact can be reached on (those with an address), and whether each is on. */
export const channelChoices = (contact: IContact): ChannelChoice[] =>
  PORTAL_CHANNELS.flatMap((channel) => {
    const columns = COLUMNS[channel];
    const address = contact[columns.address];
    if (!address) return [];
    return [{ channel, address: channel === 'letter' ? address.split('\n').join(', ') : address, on: contact[columns.consent] && !contact[columns.optedOut] }];
  });

export async function loadChannelChoices(em: EntityManager, visitor: PortalVisitor): Promise<ChannelChoice[]> {
  const contact = await em.findOne(Contact, { id: visitor.contactId, account: visitor.accountId });
  return contact ? channelChoices(contact) : [];
}

/**
 * Applies the debtor's choice: a channel turned off is an opt-out (kept apart from consent, so a later consent
 * update from the creditor's systems does not undo it); a channel turned on is the debtor's own consent. Only
 * channels the contact has an address for change; the others are left alone. Answers what changed.
 */
export async function saveChannelChoices(orm: MikroORM, visitor: PortalVisitor, wanted: ReadonlySet<string>, now: Date): Promise<{ on: PortalChannel[]; off: PortalChannel[] }> {
  return orm.em.fork().transactional(async (em) => {
    const contact = await em.findOne(Contact, { id: visitor.contactId, account: visitor.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const changed = { on: [] as PortalChannel[], off: [] as PortalChannel[] };
    if (!contact) return changed;
    for (const choice of channelChoices(contact)) {
      const columns = COLUMNS[choice.channel];
      const on = wanted.has(choice.channel);
      if (on === choice.on) continue;
      if (on) {
        contact[columns.consent] = true;
        contact[columns.optedOut] = null;
        changed.on.push(choice.channel);
      } else {
        contact[columns.consent] = false;
        contact[columns.optedOut] = now;
        changed.off.push(choice.channel);
      }
    }
    if (changed.on.length + changed.off.length === 0) return changed;
    await em.flush();
    await auditPortal(em, visitor, 'channels-chosen', { ...changed });
    // The contact's own record carries the change too, where opt-outs from links are audited.
    await audit(em, { actorId: null, action: 'contact.channels-chosen', entity: 'contact', entityId: contact.id, details: { via: 'portal', ...changed } });
    return changed;
  });
}

export type MessageAnswer = { status: 'sent'; taskId: string } | { status: 'limited' } | { status: 'empty' } | { status: 'too-long' };

/**
 * A message from the debtor: kept in the account's communication log as received, with an open task for the
 * account's collector to answer it. The account's row lock serialises messages, so the daily limit holds.
 */
export async function sendMessageToCollector(orm: MikroORM, visitor: PortalVisitor, text: string, now: Date): Promise<MessageAnswer> {
  const body = text.replace(/\r\n?/g, '\n').trim();
  if (body === '') return { status: 'empty' };
  if (body.length > MESSAGE_MAX_CHARS) return { status: 'too-long' };
  return orm.em.fork().transactional(async (em): Promise<MessageAnswer> => {
    const account = await em.findOneOrFail(Account, { id: visitor.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const today = await em.count(Communication, { account: account.id, direction: 'inbound', createdAt: { $gt: new Date(now.getTime() - 86_400_000) } });
    if (today >= MESSAGES_PER_DAY) return { status: 'limited' };
    const key = `portal-message:${randomUUID()}`;
    const message = em.create(Communication, {
      account,
      key,
      channel: 'portal',
      direction: 'inbound',
      templateKey: 'portal-message',
      toAddress: visitor.email ?? visitor.contactName,
      subject: `Message from ${visitor.contactName} in the portal`,
      bodyText: body,
      bodyHtml: null,
      status: 'received',
      reason: null,
      messageId: null,
      workflowId: null,
      nodeId: null,
      sentAt: now,
    });
    const preview = body.length > 80 ? `${body.slice(0, 77)}…` : body;
    const task = em.create(CollectorTask, {
      account,
      key,
      workflowId: `collection-${account.id}`,
      nodeId: 'portal',
      taskType: 'portal-request',
      title: `Answer ${visitor.contactName} (${account.name}): “${preview.replace(/\s+/g, ' ')}”`,
      status: 'open',
      assignee: account.assignedCollector ? em.getReference(AppUser, account.assignedCollector.id) : null,
      outcomes: ['answered'],
      outcome: null,
      note: null,
      dueAt: new Date(now.getTime() + REPLY_DUE_MS),
      priority: 'high',
      completedAt: null,
      completedBy: null,
    });
    await em.flush();
    await auditPortal(em, visitor, 'message-sent', { communicationId: message.id, taskId: task.id, length: body.length });
    return { status: 'sent', taskId: task.id };
  });
}

const channelName = (texts: PortalTexts, channel: PortalChannel): string => texts.t(`contact.channel_${channel}`);

/** "How we contact you" and "Write to us": the debtor's channels and a message for their collector. */
export const contactSection = (texts: PortalTexts, choices: ChannelChoice[], error?: string): Html =>
  html`<section aria-labelledby="contact-heading"><h2 id="contact-heading">${texts.t('contact.heading')}</h2>
${choices.length > 0
  ? html`<form method="post" action="/portal/preferences" id="preferences-form">
<fieldset><legend>${texts.t('contact.channelsLegend')}</legend>
${choices.map(
  (choice) => html`<label class="choice"><input type="checkbox" name="channel" value="${choice.channel}" id="channel-${choice.channel}"${choice.on ? html` checked` : ''}> ${channelName(texts, choice.channel)} <span class="muted">(${choice.address})</span></label>`,
)}
</fieldset>
<p class="muted" id="channels-help">${texts.t('contact.channelsHelp')}</p>
<div class="actions"><button type="submit" class="secondary" aria-describedby="channels-help">${texts.t('contact.save')}</button></div>
</form>`
  : ''}
<form method="post" action="/portal/message" id="message-form">
<h3 id="message-heading">${texts.t('contact.messageHeading')}</h3>
${error ? html`<div class="form-errors" id="message-errors" role="alert"><p>${error}</p></div>` : ''}
<label for="message">${texts.t('contact.messageLabel')}</label>
<textarea id="message" name="message" rows="4" maxlength="${String(MESSAGE_MAX_CHARS)}" required aria-describedby="message-help"></textarea>
<p class="muted" id="message-help">${texts.t('contact.messageHelp', { max: MESSAGE_MAX_CHARS })}</p>
<div class="actions"><button type="submit">${texts.t('contact.send')}</button></div>
</form>
</section>`;
