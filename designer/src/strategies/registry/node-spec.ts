import type { ComponentType } from 'react';
import type { FactDefinition, FactType, NodeKind } from '@recoup/domain';
import type { z } from 'zod';
import type { KindConfig } from '../model/flow-types.ts';

/** How an exit looks: the colour tells a manager what kind of path it starts. */
export type ExitTone = 'next' | 'yes' | 'no' | 'timeout' | 'outcome' | 'event' | 'fallback' | 'orphan';

export interface ExitSpec {
  /** The edge handle, exactly as the engine names it. */
  handle: string;
  label: string;
  tone: ExitTone;
}

export interface TemplateChoice {
  key: string;
  name: string;
  channel: string;
}

export interface FactsRegistry {
  facts: readonly FactDefinition[];
  operatorsByType: Readonly<Record<FactType, readonly string[]>>;
}

/** What a settings panel may need beyond its node: the choices the server offers. */
export interface SettingsContext {
  nodeId: string;
  templates: readonly TemplateChoice[];
  facts: FactsRegistry | null;
}

export interface SettingsProps<K extends NodeKind> {
  config: KindConfig<K>;
  onChange(next: KindConfig<K>): void;
  readOnly: boolean;
  context: SettingsContext;
}

export type PaletteGroup = 'Flow' | 'Decide' | 'Contact' | 'People' | 'Finish';

/**
 * Everything the designer knows about one node kind, in one file per kind: how it shows in the palette and on the
 * canvas, the settings it starts with and how they are edited, its exits, and the schema its settings must meet
 * (the domain's own, the one the server validates with). Adding a node kind means adding its spec to the registry;
 * the `Record<NodeKind, …>` type makes a missing one a compile error.
 */
export interface NodeSpec<K extends NodeKind> {
  kind: K;
  title: string;
  description: string;
  group: PaletteGroup;
  /** One or two characters shown as the node's badge. */
  glyph: string;
  /** False for the start node: nothing may lead into it. */
  hasInput: boolean;
  defaults(): KindConfig<K>;
  /** One line saying what the node does with these settings, shown on the canvas. */
  summary(config: KindConfig<K>): string;
  /** The node's exits for these settings; agrees with the domain's exitHandles for every valid setting. */
  exits(config: KindConfig<K>): ExitSpec[];
  schema: z.ZodType;
  Settings: ComponentType<SettingsProps<K>>;
}

export type NodeRegistry = { [K in NodeKind]: NodeSpec<K> };
