import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';

/** Reminder channels, 'call' for the call tasks the guardrails defer, and 'portal' for messages the debtor wrote there. */
export const COMMUNICATION_CHANNELS = ['email', 'sms', 'letter', 'webhook', 'call', 'portal'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];
/** 'inbound': the debtor wrote to the creditor (always with status 'received'); everything else went out. */
export const COMMUNICATION_DIRECTIONS = ['outbound', 'inbound'] as const;
export type CommunicationDirection = (typeof COMMUNICATION_DIRECTIONS)[number];
/**
 * `sending`: recorded before the provider was given the message; `unconfirmed`: a worker died while handing it
 * over, and nobody can tell whether it went out; `refused`: a contact attempt the compliance rules did not let
 * through (a call logged at 01:28, an eighth call).
 */
export const COMMUNICATION_STATUSES = ['sending', 'sent', 'unconfirmed', 'failed', 'deferred', 'suppressed', 'refused', 'received'] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

export const Communication = defineEntity({
  name: 'Communication',
  tableName: 'communication',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    /** Idempotency key chosen by the workflow, so a retried activity never sends twice. */
    key: p.text().unique(),
    channel: p.enum(COMMUNICATION_CHANNELS).default('email'),
    direction: p.enum(COMMUNICATION_DIRECTIONS).default('outbound'),
    templateKey: p.text(),
    toAddress: p.text(),
    subject: p.text(),
    bodyText: p.text(),
    bodyHtml: p.text().nullable(),
    status: p.enum(COMMUNICATION_STATUSES),
    /** Why a communication was deferred, suppressed or failed; null when it went out. */
    reason: p.text().nullable(),
    messageId: p.text().nullable(),
    workflowId: p.text().nullable(),
    nodeId: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
  },
});

export type ICommunication = InferEntity<typeof Communication>;
