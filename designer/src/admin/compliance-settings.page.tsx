import { useQuery, useQueryClient } from '@tanstack/react-query';
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

const SETTINGS_KEY = ['compliance-settings'] as const;

/** The guardrails every workflow and collector keeps to, per customer type. Admins change them; others read them. */
export function ComplianceSettingsPage({ user }: { user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const load = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: async ({ signal }) => [...(await listComplianceSettings(api, signal))].sort(byCustomerType),
  });
  const canEdit = user.role === 'admin';

  /** A setting the server saved: the cached list takes it in place of a refetch. */
  function replace(changed: ComplianceSetting) {
    queries.setQueryData<ComplianceSetting[]>(SETTINGS_KEY, (current = []) => current.map((s) => (s.customerType === changed.customerType ? changed : s)));
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
      {load.isPending ? <Loading what="Loading the compliance settings…" /> : null}
      {load.isError ? (
        <LoadFailed message={describeFailure(load.error, 'Could not load the compliance settings.').message} onRetry={() => void load.refetch()} />
      ) : null}
      {load.data && load.data.length === 0 ? (
        <p className="notice notice--warning">No settings are stored, so the Reg F defaults apply to every customer type.</p>
      ) : null}
      {load.data
        ? load.data.map((setting) => (
            <ComplianceSettingForm key={setting.customerType} setting={setting} canEdit={canEdit} onSaved={replace} />
          ))
        : null}
    </div>
  );
}
