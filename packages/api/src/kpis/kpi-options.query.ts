import type { EntityManager } from '@mikro-orm/postgresql';
import type { KpiOptions } from '@recoup/contracts';

/** What the dashboard's filters can choose from, read from the data rather than configured. */
export const kpiOptionsQuery = async (em: EntityManager): Promise<KpiOptions> => {
  const [currencies, segments, versions, arms, collectors] = await Promise.all([
    em.fork().execute<{ currency: string; n: number }[]>(
      `select currency, count(*)::int as n from invoice where status <> 'cancelled' group by currency order by n desc, currency`,
    ),
    em.fork().execute<{ segment: string }[]>(
      `select segment from account union select segment from collection_run order by segment`,
    ),
    em.fork().execute<{ id: string; name: string; version: number }[]>(
      `select v.id, s.name, v.version from strategy_version v join strategy s on s.id = v.strategy_id order by s.name, v.version desc`,
    ),
    em.fork().execute<{ arm: string }[]>(
      `select distinct arm_label as arm from collection_run where arm_label is not null order by arm_label`,
    ),
    em.fork().execute<{ id: string; name: string }[]>(`select id, name from app_user where role = 'collector' order by name, id`),
  ]);
  return {
    currencies: currencies.map((c) => ({ currency: c.currency, invoiceCount: Number(c.n) })),
    defaultCurrency: currencies[0]?.currency ?? null,
    segments: segments.map((s) => s.segment),
    strategyVersions: versions.map((v) => ({ id: v.id, strategyName: v.name, version: Number(v.version) })),
    arms: arms.map((a) => a.arm),
    collectors: collectors.map((c) => ({ id: c.id, name: c.name })),
  };
};
