import type { ComponentType } from 'react';
import type { ExitRole, FactDefinition, FactType, NodeKind } from '@recoup/domain';
import type { KindConfig } from '../model/flow-types.ts';

/** How an exit looks: the colour tells a manager what kind of path it starts (its role), or that it is gone. */
export type ExitTone = ExitRole | 'orphan';

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
 * What the designer shows of one node kind, in one file per kind (kinds/*.kind.tsx): its palette group, glyph,
 * default settings, one-line summary and settings panel. What the kind is (its title, exits and the schema of its
 * settings) is the domain's (packages/domain/src/strategy/kinds/<kind>.ts); the registry joins the two, and its
 * `{ [K in NodeKind]: … }` type makes a missing kind a compile error.
 */
export interface KindVisuals<K extends NodeKind> {
  kind: K;
  description: string;
  group: PaletteGroup;
  /** One or two characters shown as the node's badge. */
  glyph: string;
  /** False for the start node: nothing may lead into it. */
  hasInput: boolean;
  defaults(): KindConfig<K>;
  /** One line saying what the node does with these settings, shown on the canvas. */
  summary(config: KindConfig<K>): string;
  Settings: ComponentType<SettingsProps<K>>;
}

/** A kind as the designer uses it: its visuals, with the domain's title and exits. */
export interface NodeSpec<K extends NodeKind> extends KindVisuals<K> {
  /** The domain's title of the kind. */
  title: string;
  /** The node's exits for these settings: the domain's, with how each is drawn. */
  exits(config: KindConfig<K>): ExitSpec[];
}

export type NodeRegistry = { [K in NodeKind]: NodeSpec<K> };
