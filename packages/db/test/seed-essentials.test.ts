import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_TEMPLATE_KEYS } from '@recoup/domain';
import { Strategy, StrategyVersion, Template } from '../src/index.ts';
import { seedEssentials } from '../src/seed/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

describe('seedEssentials', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives a new installation the built-in templates and the default strategy published as version 1', async () => {
    expect(await seedEssentials(db.orm, new Date('2026-11-23T10:00:00Z'))).toEqual({ templates: DEFAULT_TEMPLATE_KEYS.length, strategy: true });
    const em = db.orm.em.fork();
    expect((await em.find(Template, {})).map((t) => t.key).sort()).toEqual([...DEFAULT_TEMPLATE_KEYS].sort());
    const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
    expect(await em.count(StrategyVersion, { strategy: strategy.id, version: 1 })).toBe(1);
  });

  it('adds nothing the second time and keeps a template an admin edited', async () => {
    const em = db.orm.em.fork();
    const template = await em.findOneOrFail(Template, { key: 'final-notice' });
    template.subject = 'Edited subject';
    await em.flush();
    expect(await seedEssentials(db.orm, new Date())).toEqual({ templates: 0, strategy: false });
    expect((await db.orm.em.fork().findOneOrFail(Template, { key: 'final-notice' })).subject).toBe('Edited subject');
  });
});
