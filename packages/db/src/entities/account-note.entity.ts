import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { AppUser } from './app-user.entity.ts';
import { CollectorTask } from './collector-task.entity.ts';

/** What a collector wrote down about an account: a record of what was said, never edited afterwards. */
export const AccountNote = defineEntity({
  name: 'AccountNote',
  tableName: 'account_note',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    body: p.text(),
    author: () => p.manyToOne(AppUser).nullable(),
    /** The task the note was written on, if any. */
    task: () => p.manyToOne(CollectorTask).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IAccountNote = InferEntity<typeof AccountNote>;
