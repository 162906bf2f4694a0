import type { KindVisuals } from '../node-spec.ts';

export const startSpec: KindVisuals<'start'> = {
  kind: 'start',
  description: 'Where every account enters the strategy. Exactly one per strategy.',
  group: 'Flow',
  glyph: '▶',
  hasInput: false,
  defaults: () => ({}),
  summary: () => 'Accounts enter here',
  Settings: () => <p className="settings__note">The start node has no settings. Connect it to the first step.</p>,
};
