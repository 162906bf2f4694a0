import { lazy, Suspense, useEffect, useState } from 'react';
import { AdminNav } from './admin/admin-nav.tsx';
import { useApi } from './api/api-context.ts';
import { fetchCurrentUser } from './api/auth.api.ts';
import type { User } from './api/auth.types.ts';
import { AppHeader } from './components/app-header.tsx';
import { HomePage } from './pages/home.page.tsx';
import { LoginPage } from './pages/login/login.page.tsx';
import { NotFoundPage } from './pages/not-found.page.tsx';
import { StrategiesPage } from './strategies/pages/strategies.page.tsx';
import { usePathname } from './routing/location.ts';
import { isAdminPath, matchRoute } from './routing/routes.ts';
import type { Route } from './routing/routes.ts';

// The editor (React Flow, dagre, the rule builder) and the templates page load when first opened, so signing in
// stays light.
const StrategyEditorPage = lazy(() => import('./strategies/pages/strategy-editor.page.tsx').then((m) => ({ default: m.StrategyEditorPage })));
const TemplatesPage = lazy(() => import('./templates/templates.page.tsx').then((m) => ({ default: m.TemplatesPage })));
const InboxPage = lazy(() => import('./inbox/inbox.page.tsx').then((m) => ({ default: m.InboxPage })));
const AccountsPage = lazy(() => import('./accounts/accounts.page.tsx').then((m) => ({ default: m.AccountsPage })));
const Account360Page = lazy(() => import('./accounts/account-360.page.tsx').then((m) => ({ default: m.Account360Page })));
const TeamPage = lazy(() => import('./team/team.page.tsx').then((m) => ({ default: m.TeamPage })));
const DashboardsPage = lazy(() => import('./dashboards/dashboards.page.tsx').then((m) => ({ default: m.DashboardsPage })));
const CashPage = lazy(() => import('./cash/cash.page.tsx').then((m) => ({ default: m.CashPage })));
const WorkflowsPage = lazy(() => import('./admin/workflows.page.tsx').then((m) => ({ default: m.WorkflowsPage })));
const WorkflowInspectorPage = lazy(() =>
  import('./admin/workflow-inspector.page.tsx').then((m) => ({ default: m.WorkflowInspectorPage })),
);
const UsersPage = lazy(() => import('./admin/users.page.tsx').then((m) => ({ default: m.UsersPage })));
const ApiTokensPage = lazy(() => import('./admin/api-tokens.page.tsx').then((m) => ({ default: m.ApiTokensPage })));
const ApiReferencePage = lazy(() => import('./admin/api-reference/api-reference.page.tsx').then((m) => ({ default: m.ApiReferencePage })));
const AdminPage = lazy(() => import('./admin/admin.page.tsx').then((m) => ({ default: m.AdminPage })));
const ComplianceSettingsPage = lazy(() =>
  import('./admin/compliance-settings.page.tsx').then((m) => ({ default: m.ComplianceSettingsPage })),
);
const AuditLogPage = lazy(() => import('./admin/audit-log.page.tsx').then((m) => ({ default: m.AuditLogPage })));
const OutboxPage = lazy(() => import('./admin/outbox.page.tsx').then((m) => ({ default: m.OutboxPage })));
const OutboxMessagePage = lazy(() => import('./admin/outbox-message.page.tsx').then((m) => ({ default: m.OutboxMessagePage })));
const PaymentModelsPage = lazy(() => import('./admin/payment-models.page.tsx').then((m) => ({ default: m.PaymentModelsPage })));

const loading = (
  <div className="splash" role="status">
    <span className="spinner" aria-hidden="true" /> Loading…
  </div>
);

type Session = { status: 'checking' } | { status: 'signed-out' } | { status: 'signed-in'; user: User };

export function App() {
  const api = useApi();
  const pathname = usePathname();
  const [session, setSession] = useState<Session>({ status: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentUser(api, controller.signal).then(
      (user) => setSession(user ? { status: 'signed-in', user } : { status: 'signed-out' }),
      () => {
        // Unreachable or broken server: the login page explains what it can, and signing in retries.
        if (!controller.signal.aborted) setSession({ status: 'signed-out' });
      },
    );
    return () => controller.abort();
  }, [api]);

  switch (session.status) {
    case 'checking':
      return (
        <div className="splash" role="status">
          <span className="spinner" aria-hidden="true" /> Loading Recoup…
        </div>
      );
    case 'signed-out':
      // Any address shows the sign-in form; after signing in the same address renders its page.
      return (
        <main className="login-shell">
          <LoginPage onSignedIn={(user) => setSession({ status: 'signed-in', user })} />
        </main>
      );
    case 'signed-in':
      return (
        <div className="app">
          <AppHeader user={session.user} onSignedOut={() => setSession({ status: 'signed-out' })} />
          <main className="app-main">
            <Suspense fallback={loading}>
              {isAdminPath(pathname) ? <AdminNav role={session.user.role} /> : null}
              {renderRoute(matchRoute(pathname), session.user)}
            </Suspense>
          </main>
        </div>
      );
  }
}

function renderRoute(route: Route, user: User) {
  switch (route.kind) {
    case 'home':
      return <HomePage user={user} />;
    case 'strategies':
      return <StrategiesPage user={user} />;
    case 'strategy':
      return <StrategyEditorPage strategyId={route.id} user={user} />;
    case 'templates':
      return <TemplatesPage canEdit={user.role !== 'collector'} />;
    case 'inbox':
      return <InboxPage user={user} />;
    case 'accounts':
      return <AccountsPage user={user} />;
    case 'account':
      return <Account360Page accountId={route.id} user={user} />;
    case 'team':
      return <TeamPage user={user} />;
    case 'dashboards':
      return <DashboardsPage />;
    case 'cash':
      return <CashPage view={route.view} user={user} />;
    case 'workflows':
      return <WorkflowsPage user={user} />;
    case 'workflow':
      return <WorkflowInspectorPage accountId={route.accountId} user={user} />;
    case 'users':
      return <UsersPage user={user} />;
    case 'api-tokens':
      return <ApiTokensPage user={user} />;
    case 'api-reference':
      return <ApiReferencePage />;
    case 'admin':
      return <AdminPage user={user} />;
    case 'compliance':
      return <ComplianceSettingsPage user={user} />;
    case 'audit':
      return <AuditLogPage user={user} />;
    case 'outbox':
      return <OutboxPage user={user} />;
    case 'outbox-message':
      return <OutboxMessagePage messageId={route.id} user={user} />;
    case 'payment-models':
      return <PaymentModelsPage user={user} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
