import { settingBounds } from '@recoup/domain';
import { IntegerField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

function PaymentPlanSettings({ config, onChange, readOnly }: SettingsProps<'payment-plan'>) {
  return (
    <>
      <div className="settings__row">
        <IntegerField {...settingBounds('payment-plan', 'installments')} label="Installments" readOnly={readOnly} value={config.installments} onChange={(installments) => onChange({ ...config, installments: installments as number })} />
        <IntegerField {...settingBounds('payment-plan', 'intervalDays')} label="Every (days)" readOnly={readOnly} value={config.intervalDays} onChange={(intervalDays) => onChange({ ...config, intervalDays: intervalDays as number })} />
      </div>
      <div className="settings__row">
        <IntegerField
          {...settingBounds('payment-plan', 'firstDueInDays')}
          label="First due in (days)"
          readOnly={readOnly}
          value={config.firstDueInDays}
          onChange={(firstDueInDays) => onChange({ ...config, firstDueInDays: firstDueInDays as number })}
        />
        <IntegerField
          {...settingBounds('payment-plan', 'graceDays')}
          label="Grace (days)"
          hint="After each due date, before an unpaid installment counts as broken."
          readOnly={readOnly}
          value={config.graceDays}
          onChange={(graceDays) => onChange({ ...config, graceDays })}
        />
      </div>
    </>
  );
}

export const paymentPlanSpec: KindVisuals<'payment-plan'> = {
  kind: 'payment-plan',
  description: 'Offer the balance in installments; exits when the plan completes or breaks.',
  group: 'People',
  glyph: '▦',
  hasInput: true,
  defaults: () => ({ installments: 3, intervalDays: 30, firstDueInDays: 7, graceDays: 3 }),
  summary: (config) => `${config.installments ?? '?'} × every ${config.intervalDays ?? '?'} d`,
  Settings: PaymentPlanSettings,
};
