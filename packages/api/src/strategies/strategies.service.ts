import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  Strategy,
  StrategyVersion,
  Template,
  checksumGraph,
  type IStrategy,
  type IStrategyVersion,
  type JsonObject,
} from '@recoup/db';
import { FACT_NAMES, validateStrategy, type Problem, type StrategyGraph } from '@recoup/domain';
import type {
  StrategyCreate,
  StrategyUpdate,
  StrategyValidateResponse,
  StrategyVersionSummary,
  StrategyVersionView,
  StrategyView,
} from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '../errors.ts';

const EMPTY_GRAPH: StrategyGraph = { schemaVersion: 1, nodes: [], edges: [] };

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A draft is work in progress and may break every rule; it is typed as a graph only because the column is. */
const asDraft = (document: JsonObject): StrategyGraph => document as unknown as StrategyGraph;

export class StrategiesService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async list(): Promise<StrategyView[]> {
    const em = this.#orm.em.fork();
    const strategies = await em.find(Strategy, {}, { orderBy: { name: 'asc' } });
    const latest = await latestVersions(em, strategies.map((s) => s.id));
    return strategies.map((s) => toView(s, latest.get(s.id) ?? null));
  }

  async get(id: string): Promise<StrategyView> {
    const em = this.#orm.em.fork();
    const strategy = await em.findOne(Strategy, { id });
    if (!strategy) throw new NotFoundError('strategy');
    return toView(strategy, (await latestVersions(em, [id])).get(id) ?? null);
  }

  async create(input: StrategyCreate, user: AuthUser): Promise<StrategyView> {
    return this.#orm.em.fork().transactional(async (em) => {
      await refuseTakenName(em, input.name, null);
      if (input.draft !== undefined && !isJsonObject(input.draft)) throw draftNotObject();
      if (input.isDefault) await clearDefault(em);
      const strategy = em.create(Strategy, {
        id: randomUUID(),
        name: input.name,
        description: input.description,
        draft: input.draft === undefined ? EMPTY_GRAPH : asDraft(input.draft),
        isDefault: input.isDefault ?? false,
        createdBy: user.id,
      });
      em.persist(strategy);
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'strategy.created',
        entity: 'strategy',
        entityId: strategy.id,
        details: { name: strategy.name, isDefault: strategy.isDefault },
      });
      return toView(strategy, null);
    });
  }

  /** Edits the draft and settings; published versions never change. */
  async update(id: string, input: StrategyUpdate, user: AuthUser): Promise<StrategyView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const strategy = await em.findOne(Strategy, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!strategy) throw new NotFoundError('strategy');
      if (input.name !== undefined && input.name !== strategy.name) {
        await refuseTakenName(em, input.name, id);
        strategy.name = input.name;
      }
      if (input.description !== undefined) strategy.description = input.description;
      if (input.draft !== undefined) {
        if (!isJsonObject(input.draft)) throw draftNotObject();
        strategy.draft = asDraft(input.draft);
      }
      if (input.isDefault === true && !strategy.isDefault) {
        await clearDefault(em);
        strategy.isDefault = true;
      } else if (input.isDefault === false) {
        strategy.isDefault = false;
      }
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'strategy.updated',
        entity: 'strategy',
        entityId: id,
        details: { fields: Object.keys(input).filter((k) => input[k as keyof StrategyUpdate] !== undefined) },
      });
      return toView(strategy, (await latestVersions(em, [id])).get(id) ?? null);
    });
  }

  /** Checks any document against the domain rules, the stored templates and the facts registry. */
  async validate(graph: unknown): Promise<StrategyValidateResponse> {
    const templates = await templateKeys(this.#orm.em.fork());
    const result = validateStrategy(graph, { templates, facts: FACT_NAMES });
    return result.ok ? { valid: true, problems: [] } : { valid: false, problems: result.problems };
  }

  /** Freezes the current draft as the next version; refused with every problem when the draft is invalid. */
  async publish(id: string, user: AuthUser): Promise<StrategyVersionView> {
    return this.#orm.em.fork().transactional(async (em) => {
      // The row lock makes concurrent publishes take consecutive version numbers instead of colliding.
      const strategy = await em.findOne(Strategy, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!strategy) throw new NotFoundError('strategy');
      const result = validateStrategy(strategy.draft, { templates: await templateKeys(em), facts: FACT_NAMES });
      if (!result.ok) throw strategyInvalid(result.problems);
      const last = await em.findOne(StrategyVersion, { strategy: id }, { orderBy: { version: 'desc' } });
      const graph = JSON.parse(JSON.stringify(result.graph)) as StrategyGraph;
      const version = em.create(StrategyVersion, {
        id: randomUUID(),
        strategy,
        version: (last?.version ?? 0) + 1,
        graph,
        checksum: checksumGraph(graph),
        publishedAt: new Date(),
        publishedBy: user.id,
      });
      em.persist(version);
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'strategy.published',
        entity: 'strategy_version',
        entityId: version.id,
        details: { strategyId: id, version: version.version, checksum: version.checksum },
      });
      return toVersionView(version, id);
    });
  }

  async versions(id: string): Promise<StrategyVersionSummary[]> {
    const em = this.#orm.em.fork();
    if ((await em.count(Strategy, { id })) === 0) throw new NotFoundError('strategy');
    const versions = await em.find(StrategyVersion, { strategy: id }, { orderBy: { version: 'desc' }, exclude: ['graph'] });
    return versions.map((v) => toVersionSummary(v, id));
  }

  async version(versionId: string): Promise<StrategyVersionView> {
    const version = await this.#orm.em.fork().findOne(StrategyVersion, { id: versionId });
    if (!version) throw new NotFoundError('strategy version');
    return toVersionView(version, version.strategy.id);
  }
}

export const strategyInvalid = (problems: Problem[]): BusinessRuleError =>
  new BusinessRuleError('strategy-invalid', `The strategy has ${problems.length} problem(s); fix them and publish again.`, {
    problems,
  });

/** The draft's shape is checked like any field of the body; whether it is a sound strategy is publishing's 422. */
const draftNotObject = (): ValidationError =>
  new ValidationError([{ in: 'body', path: 'draft', reason: 'must be a JSON object (a strategy graph document)' }], 'The draft must be a JSON object (a strategy graph document).');

const templateKeys = async (em: EntityManager): Promise<string[]> =>
  (await em.find(Template, {}, { fields: ['key'] })).map((t) => t.key);

const refuseTakenName = async (em: EntityManager, name: string, exceptId: string | null): Promise<void> => {
  const other = await em.findOne(Strategy, exceptId ? { name, id: { $ne: exceptId } } : { name });
  if (other) throw new ConflictError('strategy-name-taken', `A strategy named "${name}" already exists.`);
};

/** One default at a time (a partial unique index enforces it); the old default is cleared first. */
const clearDefault = async (em: EntityManager): Promise<void> => {
  await em.nativeUpdate(Strategy, { isDefault: true }, { isDefault: false });
};

const latestVersions = async (em: EntityManager, ids: string[]): Promise<Map<string, StrategyVersionSummary>> => {
  const out = new Map<string, StrategyVersionSummary>();
  if (ids.length === 0) return out;
  const versions = await em.find(StrategyVersion, { strategy: { $in: ids } }, { orderBy: { version: 'desc' }, exclude: ['graph'] });
  for (const v of versions) if (!out.has(v.strategy.id)) out.set(v.strategy.id, toVersionSummary(v, v.strategy.id));
  return out;
};

const toView = (s: IStrategy, latestVersion: StrategyVersionSummary | null): StrategyView => ({
  id: s.id,
  name: s.name,
  description: s.description,
  draft: s.draft,
  isDefault: s.isDefault,
  createdBy: s.createdBy ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  latestVersion,
});

const toVersionSummary = (v: Pick<IStrategyVersion, 'id' | 'version' | 'checksum' | 'publishedAt' | 'publishedBy'>, strategyId: string): StrategyVersionSummary => ({
  id: v.id,
  strategyId,
  version: v.version,
  checksum: v.checksum,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy ?? null,
});

const toVersionView = (v: IStrategyVersion, strategyId: string): StrategyVersionView => ({
  ...toVersionSummary(v, strategyId),
  graph: v.graph,
});
