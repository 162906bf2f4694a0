import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const USER_ROLES = ['admin', 'manager', 'collector'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const AppUser = defineEntity({
  name: 'AppUser',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    // Stored lower-case; a CHECK in the schema refuses anything else.
    email: p.text().unique(),
    name: p.text(),
    role: p.enum(USER_ROLES),
    passwordHash: p.text().hidden(),
    active: p.boolean().default(true),
    capacity: p.integer().default(50),
    /** Collector pools the user works in; assignment rules pick a pool, then a collector in it. */
    pools: p.array().default([]),
    skills: p.array().default([]),
    /**
     * The manager whose team a collector is on. A plain uuid (the column has its foreign key): a self-reference in
     * defineEntity would make the entity's type refer to itself.
     */
    managerId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IAppUser = InferEntity<typeof AppUser>;
