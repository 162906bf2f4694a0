import { nodeDataSchemas } from '@recoup/domain';
import type { NodeSpec } from '../node-spec.ts';

export const startSpec: NodeSpec<'start'> = {
  kind: 'start',
  title: 'Start',
  description: 'Where every account enters the strategy. Exactly one per strategy.',
  group: 'Flow',
  glyph: '▶',
  hasInput: false,
  defaults: () => ({}),
  summary: () => 'Accounts enter here',
  exits: () => [{ handle: 'next', label: 'next', tone: 'next' }],
  schema: nodeDataSchemas.start,
  Settings: () => <p className="settings__note">The start node has no settings. Connect it to the first step.</p>,
};
