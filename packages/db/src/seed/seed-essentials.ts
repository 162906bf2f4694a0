import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_STRATEGY, DEFAULT_TEMPLATES } from '@recoup/domain';
import { checksumGraph } from '../canonical-json.ts';
import { Strategy } from '../entities/strategy.entity.ts';
import { StrategyVersion } from '../entities/strategy-version.entity.ts';
import { Template } from '../entities/template.entity.ts';

const ESSENTIALS_LOCK = 727_001_773;

/** Adds each built-in e-mail template whose key is not in the database yet; edited templates are kept. */
export async function seedMissingTemplates(em: EntityManager, newId: () => string): Promise<number> {
  const existing = new Set((await em.find(Template, {}, { fields: ['key'] })).map((t) => t.key));
  const missing = DEFAULT_TEMPLATES.filter((t) => !existing.has(t.key));
  for (const t of missing) {
    em.create(Template, {
      id: newId(),
      key: t.key,
      channel: t.channel,
      name: t.name,
      subject: t.subject,
      bodyText: t.body_text,
      smsText: t.sms_text,
      attachLetter: t.attach_letter,
    });
  }
  return missing.length;
}

/** Creates the built-in strategy, published as version 1, when no strategy is the default yet. */
export async function seedDefaultStrategyIfMissing(em: EntityManager, newId: () => string, publishedBy: string | null, now: Date): Promise<boolean> {
  if ((await em.count(Strategy, { isDefault: true })) > 0) return false;
  // The domain constant is frozen; the ORM needs a plain, mutable copy.
  const graph = structuredClone(DEFAULT_STRATEGY.graph);
  const strategy = em.create(Strategy, {
    id: newId(),
    name: DEFAULT_STRATEGY.name,
    description: DEFAULT_STRATEGY.description,
    draft: graph,
    isDefault: true,
    createdBy: publishedBy,
  });
  em.create(StrategyVersion, {
    id: newId(),
    strategy,
    version: 1,
    graph: structuredClone(graph),
    checksum: checksumGraph(graph),
    publishedAt: now,
    publishedBy,
  });
  return true;
}

/**
 * What every installation needs before its first import: the built-in templates and the default strategy.
 * Idempotent, and safe when several processes start at once.
 */
export async function seedEssentials(orm: MikroORM, now: Date): Promise<{ templates: number; strategy: boolean }> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [ESSENTIALS_LOCK]);
    const templates = await seedMissingTemplates(em, randomUUID);
    const strategy = await seedDefaultStrategyIfMissing(em, randomUUID, null, now);
    await em.flush();
    return { templates, strategy };
  });
}
