import { NameListField, TextField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

function TagSettings({ config, onChange, readOnly }: SettingsProps<'tag'>) {
  return (
    <>
      <TextField
        label="Move to segment"
        hint="Leave empty to keep the account’s segment."
        readOnly={readOnly}
        value={config.segment ?? ''}
        onChange={(segment) => {
          const { segment: _old, ...rest } = config;
          onChange(segment === '' ? rest : { ...rest, segment });
        }}
      />
      <NameListField label="Add tags" itemLabel="Tag to add" readOnly={readOnly} value={config.addTags ?? []} onChange={(addTags) => onChange({ ...config, addTags })} />
      <NameListField
        label="Remove tags"
        itemLabel="Tag to remove"
        readOnly={readOnly}
        value={config.removeTags ?? []}
        onChange={(removeTags) => onChange({ ...config, removeTags })}
      />
    </>
  );
}

export const tagSpec: KindVisuals<'tag'> = {
  kind: 'tag',
  description: 'Set the account’s segment or add and remove tags that later rules can test.',
  group: 'Flow',
  glyph: '#',
  hasInput: true,
  defaults: () => ({ addTags: ['needs-attention'], removeTags: [] }),
  summary: (config) =>
    [
      config.segment ? `segment ${config.segment}` : '',
      ...(config.addTags ?? []).map((tag) => `+${tag}`),
      ...(config.removeTags ?? []).map((tag) => `−${tag}`),
    ]
      .filter(Boolean)
      .join(' ') || 'Nothing set',
  Settings: TagSettings,
};
