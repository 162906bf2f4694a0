import { useEffect, useState } from 'react';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { CUSTOMER_TYPES } from './compliance-fields.ts';
import { ComplianceSettingForm } from './compliance-setting-form.tsx';
import { listComplianceSettings, type ComplianceSetting } from './compliance-settings.api.ts';
import './admin-area.css';
import './compliance.css';

/** Consumers first: the customer type the rules are written for. */
const ORDER = Object.keys(CUSTOMER_TYPES);
const byCustomerType = (a: ComplianceSetting, b: ComplianceSetting) => ORDER.indexOf(a.customerType) - ORDER.indexOf(b.customerType);

type Load = { status: 'loading' } | { status: 'ready'; settings: ComplianceSetting[] } | { status: 'failed'; message: string };

/** The guardrails every workflow and collector keeps to, per customer type. Admins change them; others read them. */
export function ComplianceSettingsPage({ user }: { user: User }) {
  const api = useApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const canEdit = user.role === 'admin';

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    listComplianceSettings(api, controller.signal).then(
      (settings) => !controller.signal.aborted && setLoad({ status: 'ready', settings: [...settings].sort(byCustomerType) }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'failed', message: describeFailure(error, 'Could not load the compliance settings.').message });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  function replace(changed: ComplianceSetting) {
    if (load.status !== 'ready') return;
    setLoad({ status: 'ready', settings: load.settings.map((s) => (s.customerType === changed.customerType ? changed : s)) });
  }

  return (
    <div className="page compliance">
      <header className="page__header">
        <h1 className="page__title">Compliance settings</h1>
        <p className="page__lead">
          The guardrails every reminder, call task and logged call keeps to, whatever a strategy says. The defaults follow the US debt
          collection rule, Regulation F; each setting says which part.
        </p>
      </header>
      {canEdit ? null : (
        <p className="notice" role="note">
          Only admins can change these settings. You see the values that apply now.
        </p>
      )}
      {load.status === 'loading' ? <Loading what="Loading the compliance settings…" /> : null}
      {load.status === 'failed' ? <LoadFailed message={load.message} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {load.status === 'ready' && load.settings.length === 0 ? (
        <p className="notice notice--warning">No settings are stored, so the Reg F defaults apply to every customer type.</p>
      ) : null}
      {load.status === 'ready'
        ? load.settings.map((setting) => (
            <ComplianceSettingForm key={setting.customerType} setting={setting} canEdit={canEdit} onSaved={replace} />
          ))
        : null}
    </div>
  );
}
