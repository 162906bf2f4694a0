import type { z } from 'zod';
import type { RuleCondition } from '../schema-parts.ts';
import { assignKind } from './assign.ts';
import { conditionKind } from './condition.ts';
import { endKind } from './end.ts';
import { escalateKind } from './escalate.ts';
import type { ExitDefinition, KindDefinition, NodeKind } from './kind.ts';
import { paymentPlanKind } from './payment-plan.ts';
import { reminderKind } from './reminder.ts';
import { startKind } from './start.ts';
import { switchKind } from './switch.ts';
import { tagKind } from './tag.ts';
import { taskKind } from './task.ts';
import { waitForEventKind } from './wait-for-event.ts';
import { waitUntilWeekdayKind } from './wait-until-weekday.ts';
import { waitKind } from './wait.ts';

/** Every node kind's definition: the one place a new kind is added to the domain. */
export const NODE_KIND_REGISTRY = {
  start: startKind,
  wait: waitKind,
  'wait-for-event': waitForEventKind,
  'wait-until-weekday': waitUntilWeekdayKind,
  condition: conditionKind,
  switch: switchKind,
  reminder: reminderKind,
  task: taskKind,
  assign: assignKind,
  tag: tagKind,
  'payment-plan': paymentPlanKind,
  escalate: escalateKind,
  end: endKind,
} satisfies { [K in NodeKind]: KindDefinition<K> };

export type KindRegistry = typeof NODE_KIND_REGISTRY;

/** The schema of each kind's settings, by kind. */
export type NodeDataSchemas = { [K in NodeKind]: KindRegistry[K]['schema'] };

export const kindDefinition = <K extends NodeKind>(kind: K): KindRegistry[K] => NODE_KIND_REGISTRY[kind];

/** The title of a kind, as people read it. */
export const kindTitle = (kind: NodeKind): string => NODE_KIND_REGISTRY[kind].title;

/** The exits of a node of this kind with these settings (parsed, or as the designer holds them). */
export const kindExits = <K extends NodeKind>(kind: K, data: z.input<KindRegistry[K]['schema']>): ExitDefinition[] => {
  const exits = NODE_KIND_REGISTRY[kind].exits as KindDefinition['exits'];
  return typeof exits === 'function' ? exits(data) : [...exits];
};

/** The exits of a kind whose exits do not depend on its settings; undefined for the others. */
export const fixedKindExits = (kind: NodeKind): ExitDefinition[] | undefined => {
  const exits = NODE_KIND_REGISTRY[kind].exits as KindDefinition['exits'];
  return typeof exits === 'function' ? undefined : [...exits];
};

/** The rule conditions a node of this kind holds. */
export const kindConditions = <K extends NodeKind>(kind: K, data: z.output<KindRegistry[K]['schema']>): RuleCondition[] => {
  const conditions = (NODE_KIND_REGISTRY[kind] as KindDefinition).conditions;
  return conditions ? conditions(data) : [];
};

/** The bounds a number in a kind's settings must keep; a bound only integer range sets is left out. */
export interface SettingBounds {
  min?: number;
  max?: number;
}

interface SchemaLike {
  unwrap?: () => SchemaLike;
  options?: readonly SchemaLike[];
  shape?: Record<string, SchemaLike>;
  minValue?: number | null;
  maxValue?: number | null;
}

/** The schema of a field of an object schema (or of any option of a union), defaults and optionality undone. */
const fieldSchema = (schema: SchemaLike, field: string): SchemaLike | undefined => {
  if (schema.shape) {
    let found = schema.shape[field];
    while (found?.unwrap) found = found.unwrap();
    return found;
  }
  for (const option of schema.options ?? []) {
    const found = fieldSchema(option, field);
    if (found) return found;
  }
  return schema.unwrap ? fieldSchema(schema.unwrap(), field) : undefined;
};

/**
 * The bounds of a number field of a kind's settings, read from its schema, so a form field offers exactly what the
 * server accepts.
 */
export const settingBounds = (kind: NodeKind, field: string): SettingBounds => {
  const number = fieldSchema(NODE_KIND_REGISTRY[kind].schema as unknown as SchemaLike, field);
  const bound = (value: number | null | undefined) => (value === null || value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value);
  const min = bound(number?.minValue);
  const max = bound(number?.maxValue);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
};
