import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ForecastBacktest } from '@recoup/domain';
import { query } from '../bound-query.ts';
import type { PaymentModelStatus, PaymentModelTrigger } from '../entities/payment-model.entity.ts';
import type { JsonObject } from '../entities/json.ts';
import { PaymentModelMissingError } from '../errors.ts';

// The store of trained payment models. Every change that touches the active model runs in one transaction under an
// advisory lock, so two trainings finishing together (or a training and an admin) queue up instead of one of them
// reading an active model the other is replacing and then hitting the one-active index.

// Arbitrary constant identifying "the payment model store" among advisory locks.
const MODEL_STORE_LOCK = 727_001_774;

export const MODEL_PARTS = ['customerLateness', 'customerOffset', 'populationLateness', 'populationOffset'] as const;
export type ModelPart = (typeof MODEL_PARTS)[number];
/** The serialised forests of a model, as the prediction package saves them. */
export type ModelParts = Record<ModelPart, Uint8Array>;

/** What a trained model is, whether about to be saved or read back. */
interface TrainedModel {
  trigger: PaymentModelTrigger;
  /** The admin who asked for the training; null for a scheduled one. */
  requestedBy: string | null;
  learner: string;
  /** Epoch days of the first and last day of the data the model learned from. */
  dataFromDay: number;
  dataToDay: number;
  /** Opaque to the store: features, parameters, validation metrics, importances, comparison. */
  description: JsonObject;
  /** Why it is, or is not, active. */
  reason: string;
}

export interface TrainedModelToSave extends TrainedModel {
  /** The training run storing it; saving again under the same key returns the model stored the first time. */
  runKey?: string;
  parts: ModelParts;
  /** Its forecast at past dates against what was collected (the domain's ForecastBacktest). */
  backtest?: ForecastBacktest | null;
  /** Whether the model should replace the active one (it did better, or there is none). */
  activate: boolean;
}

export interface SavedModel {
  id: string;
  status: PaymentModelStatus;
}

export interface StoredPaymentModelSummary extends TrainedModel {
  id: string;
  createdAt: Date;
  status: PaymentModelStatus;
  pinned: boolean;
  activatedAt: Date | null;
}

export interface StoredPaymentModel extends StoredPaymentModelSummary {
  parts: ModelParts;
}

// Timestamps come back from the driver as text (the ORM's type parsers); they are parsed here.
interface SummaryRow {
  id: string;
  created_at: string;
  trigger: PaymentModelTrigger;
  requested_by: string | null;
  learner: string;
  data_from_day: number;
  data_to_day: number;
  description: JsonObject;
  status: PaymentModelStatus;
  reason: string;
  pinned: boolean;
  activated_at: string | null;
}

type ModelRow = SummaryRow & Record<'customer_lateness' | 'customer_offset' | 'population_lateness' | 'population_offset', Buffer>;

const SUMMARY_COLUMNS = `id, created_at, trigger, requested_by, learner, data_from_day, data_to_day, description, status, reason, pinned,
       activated_at`;

const toSummary = (row: SummaryRow): StoredPaymentModelSummary => ({
  id: row.id,
  createdAt: new Date(row.created_at),
  trigger: row.trigger,
  requestedBy: row.requested_by,
  learner: row.learner,
  dataFromDay: row.data_from_day,
  dataToDay: row.data_to_day,
  description: row.description,
  status: row.status,
  reason: row.reason,
  pinned: row.pinned,
  activatedAt: row.activated_at === null ? null : new Date(row.activated_at),
});

/** A plain Uint8Array over the bytes pg returned, so callers see the type they stored. */
const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

const lockStore = async (tx: EntityManager): Promise<void> => {
  await query(tx, 'select pg_advisory_xact_lock(?)', [MODEL_STORE_LOCK]);
};

const currentActive = async (tx: EntityManager): Promise<{ id: string; pinned: boolean } | undefined> =>
  (await query<{ id: string; pinned: boolean }>(tx, `select id, pinned from payment_model where status = 'active'`))[0];

/** Retires the active model, if it is not `successorId` itself; a retired model cannot stay pinned. */
const retireActive = async (tx: EntityManager, successorId: string): Promise<void> => {
  await query(tx, `update payment_model set status = 'inactive', pinned = false, reason = ? where status = 'active' and id <> ?`, [
    `Replaced by model ${successorId}.`,
    successorId,
  ]);
};

/** Makes a stored model the active one; it keeps the moment it became active if it was already. */
const makeActive = async (tx: EntityManager, id: string, reason: string): Promise<void> => {
  await query(
    tx,
    `update payment_model
        set status = 'active', reason = ?,
            activated_at = case when status = 'active' then activated_at else now() end
      where id = ?`,
    [reason, id],
  );
};

const assertExists = async (tx: EntityManager, id: string): Promise<void> => {
  const rows = await query<{ id: string }>(tx, `select id from payment_model where id = ?`, [id]);
  if (rows.length === 0) throw new PaymentModelMissingError(`Payment model ${id} does not exist.`);
};

/** The reason stored, and whether the model is activated: a pinned active model is not replaced by training. */
const activation = (input: TrainedModelToSave, active: { id: string; pinned: boolean } | undefined): { activate: boolean; reason: string } =>
  input.activate && active?.pinned === true
    ? { activate: false, reason: `Not activated: model ${active.id} is pinned. ${input.reason}` }
    : { activate: input.activate, reason: input.reason };

/**
 * Stores a trained model. Asked to activate it, the store makes it the active model and retires the one before, in
 * the same transaction, unless the active model is pinned: then the new one is stored inactive, and says why.
 */
export async function saveTrainedModel(em: EntityManager, input: TrainedModelToSave): Promise<SavedModel> {
  return em.transactional(async (tx) => {
    await lockStore(tx);
    if (input.runKey !== undefined) {
      const [stored] = await query<SavedModel>(tx, `select id, status from payment_model where run_key = ?`, [input.runKey]);
      if (stored) return stored;
    }
    const { activate, reason } = activation(input, await currentActive(tx));
    const id = randomUUID();
    // The one-active index is checked row by row: the old model goes before the new one comes.
    if (activate) await retireActive(tx, id);
    const status: PaymentModelStatus = activate ? 'active' : 'inactive';
    await query(
      tx,
      `insert into payment_model (id, trigger, requested_by, learner, data_from_day, data_to_day, description,
         customer_lateness, customer_offset, population_lateness, population_offset, status, reason, activated_at, run_key, backtest)
       values (?, ?, ?::uuid, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, case when ? then now() end, ?, ?::jsonb)`,
      [
        id,
        input.trigger,
        input.requestedBy,
        input.learner,
        input.dataFromDay,
        input.dataToDay,
        JSON.stringify(input.description),
        // pg binds a Uint8Array as bytea.
        ...MODEL_PARTS.map((part) => input.parts[part]),
        status,
        reason,
        activate,
        input.runKey ?? null,
        input.backtest ? JSON.stringify(input.backtest) : null,
      ],
    );
    return { id, status };
  });
}

/** The active model's backtest of the cash forecast; null without an active model or one trained before backtests. */
export async function activeModelBacktest(em: EntityManager): Promise<{ modelId: string; backtest: ForecastBacktest } | null> {
  const [row] = await query<{ id: string; backtest: ForecastBacktest | null }>(em, `select id, backtest from payment_model where status = 'active'`);
  return row?.backtest ? { modelId: row.id, backtest: row.backtest } : null;
}

/** The model predictions are made with, parts and all; null before any model was activated. */
export async function activeModel(em: EntityManager): Promise<StoredPaymentModel | null> {
  const [row] = await query<ModelRow>(
    em,
    `select ${SUMMARY_COLUMNS}, customer_lateness, customer_offset, population_lateness, population_offset
       from payment_model where status = 'active'`,
  );
  if (!row) return null;
  return {
    ...toSummary(row),
    parts: {
      customerLateness: bytes(row.customer_lateness),
      customerOffset: bytes(row.customer_offset),
      populationLateness: bytes(row.population_lateness),
      populationOffset: bytes(row.population_offset),
    },
  };
}

/** Every stored model, newest first, without the parts (megabytes each). */
export async function listModels(em: EntityManager): Promise<StoredPaymentModelSummary[]> {
  const rows = await query<SummaryRow>(em, `select ${SUMMARY_COLUMNS} from payment_model order by created_at desc, id desc`);
  return rows.map(toSummary);
}

/**
 * Pinning a model makes it the active one, and training then leaves it in place; the model it replaces is retired
 * (and with it its pin). Unpinning only clears the flag: the model stays active until something better is trained.
 */
export async function pinModel(em: EntityManager, id: string, pinned: boolean): Promise<void> {
  await em.transactional(async (tx) => {
    await lockStore(tx);
    await assertExists(tx, id);
    if (pinned) {
      await retireActive(tx, id);
      await makeActive(tx, id, 'Pinned by an admin: training does not replace it.');
    }
    await query(tx, `update payment_model set pinned = ? where id = ?`, [pinned, id]);
  });
}

/**
 * Rolls back (or forward) to a stored model: it becomes the active one, for `reason`, and the active model before
 * it is retired, losing its pin. Activating the active model only records the new reason.
 */
export async function activateModel(em: EntityManager, id: string, reason: string): Promise<void> {
  await em.transactional(async (tx) => {
    await lockStore(tx);
    await assertExists(tx, id);
    await retireActive(tx, id);
    await makeActive(tx, id, reason);
  });
}
