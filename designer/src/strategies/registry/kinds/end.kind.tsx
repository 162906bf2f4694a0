import { END_OUTCOMES, type EndOutcome, settingBounds } from '@recoup/domain';
import { IntegerField, SelectField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

const OUTCOME_LABELS: Record<EndOutcome, string> = {
  settled: 'Settled',
  'written-off': 'Written off',
  agency: 'Handed to an agency',
  completed: 'Strategy completed',
};

function EndSettings({ config, onChange, readOnly }: SettingsProps<'end'>) {
  return (
    <>
      <SelectField
        label="Outcome"
        readOnly={readOnly}
        value={config.outcome}
        options={END_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
        onChange={(outcome) => {
          const { approvalAboveMinor: _approval, ...rest } = config;
          onChange(outcome === 'written-off' ? { ...config, outcome } : { ...rest, outcome });
        }}
      />
      {config.outcome === 'written-off' ? (
        <IntegerField
          {...settingBounds('end', 'approvalAboveMinor')}
          label="Ask a manager to approve above (minor units)"
          hint="Empty: write off without approval. 50000 is 500.00. A rejection leaves through the 'rejected' exit."
          readOnly={readOnly}
          value={config.approvalAboveMinor}
          onChange={(approvalAboveMinor) => {
            const { approvalAboveMinor: _old, ...rest } = config;
            onChange(approvalAboveMinor === undefined ? rest : { ...rest, approvalAboveMinor });
          }}
        />
      ) : null}
    </>
  );
}

export const endSpec: KindVisuals<'end'> = {
  kind: 'end',
  description: 'Finish the collection with an outcome: settled, written off, agency or completed.',
  group: 'Finish',
  glyph: '■',
  hasInput: true,
  defaults: () => ({ outcome: 'completed' }),
  summary: (config) => OUTCOME_LABELS[config.outcome] ?? config.outcome,
  Settings: EndSettings,
};
