import type { z } from 'zod';
import type { RuleCondition } from '../schema-parts.ts';
import type { StepContext } from '../step-context.ts';

// What a node kind is, in one place per kind (kinds/<kind>.ts): its title, the schema of its settings (whose bounds
// the designer's fields read), its exits and the rule conditions it holds. The registry (registry.ts) collects
// them, typed so that a kind without a definition does not compile.

export const NODE_KINDS = [
  'start',
  'wait',
  'wait-for-event',
  'wait-until-weekday',
  'condition',
  'switch',
  'reminder',
  'task',
  'assign',
  'tag',
  'payment-plan',
  'escalate',
  'end',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** What path an exit starts, which is how the designer colours it. */
export type ExitRole = 'next' | 'yes' | 'no' | 'timeout' | 'outcome' | 'event' | 'fallback';

export interface ExitDefinition {
  /** The edge handle, as edges name it in their sourceHandle. */
  handle: string;
  role: ExitRole;
}

/** A node of a kind, as the interpreter hands it to the kind's behaviour. */
export interface KindNode<K extends NodeKind = NodeKind, S extends z.ZodType = z.ZodType> {
  id: string;
  type: K;
  label?: string | undefined;
  data: z.output<S>;
}

/** What the interpreter does at a node; returns the next node to enter, or undefined when the run now waits. */
export type KindBehaviour<K extends NodeKind, S extends z.ZodType> = (ctx: StepContext, node: KindNode<K, S>, key: string) => string | undefined;

export interface KindDefinition<K extends NodeKind = NodeKind, S extends z.ZodType = z.ZodType> {
  kind: K;
  /** The kind's name wherever people read it: the palette, the canvas, the validator's messages. */
  title: string;
  /** The node's settings (its `data`), as the server validates them. */
  schema: S;
  /**
   * The node's exits: a list when they do not depend on the settings, else a function of the settings, which also
   * takes settings not yet parsed (defaults not applied), as the designer holds them while a manager edits.
   */
  exits: readonly ExitDefinition[] | ((data: z.input<S>) => ExitDefinition[]);
  /** Every json-rules-engine condition the settings hold. */
  conditions?: (data: z.output<S>) => RuleCondition[];
  /**
   * How the interpreter runs the node. `enter`: what entering it does. `act`: an action, which the interpreter
   * performs on entering and again when a deferred action is retried, under the same key; before it, an action
   * that `contacts` the debtor is deferred while a promise or a dispute holds contact back.
   */
  runs:
    | {
        enter: KindBehaviour<K, S>;
        /** For a kind that waits on a timer: where the run goes once it is over. */
        timerOver?: (ctx: StepContext, node: KindNode<K, S>) => string;
      }
    | { act: KindBehaviour<K, S>; contacts?: (data: z.output<S>) => boolean };
  /**
   * Whether a node of this kind surely takes time, so that a loop through it cannot spin. Given the settings, or
   * undefined when they do not parse (the validator reports that apart).
   */
  pausesLoops?: (data: z.output<S> | undefined) => boolean;
}

/** Declares a kind, keeping its schema's own type for the node types derived from it. */
export const defineKind = <K extends NodeKind, S extends z.ZodType>(definition: KindDefinition<K, S>): KindDefinition<K, S> => definition;

export const NEXT: readonly ExitDefinition[] = [{ handle: 'next', role: 'next' }];

/** Each name once, in order. */
export const distinct = (names: readonly string[]): string[] => [...new Set(names)];
