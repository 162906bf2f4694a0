import './cash.css';
import type { User } from '../api/auth.types.ts';
import { Link } from '../routing/link.tsx';
import { CASH_VIEWS, type CashView } from './cash-views.ts';
import { ExceptionsView } from './exceptions.view.tsx';
import { PortfolioImportsView } from './portfolio-imports.view.tsx';
import { ShortPaymentsView } from './short-payments.view.tsx';
import { StatementsView } from './statements.view.tsx';

function renderView(view: CashView) {
  switch (view) {
    case 'statements':
      return <StatementsView />;
    case 'exceptions':
      return <ExceptionsView />;
    case 'short-payments':
      return <ShortPaymentsView />;
    case 'imports':
      return <PortfolioImportsView />;
  }
}

/** Cash application: money in from bank statements, matched to invoices, and the files that feed the portfolio. */
export function CashPage({ view, user }: { view: CashView; user: User }) {
  const current = CASH_VIEWS.find((v) => v.view === view) ?? CASH_VIEWS[0];
  if (user.role === 'collector') {
    return (
      <div className="page">
        <h1 className="page__title">Cash application</h1>
        <p className="notice notice--warning" role="alert">
          Bank statements hold every customer’s payments, so only managers and admins work them. Your accounts’ payments are on each account’s page.
        </p>
      </div>
    );
  }
  return (
    <div className="page cash">
      <header className="page__header">
        <h1 className="page__title">Cash application</h1>
        <p className="page__lead">{current.lead}</p>
      </header>
      <nav className="section-tabs" aria-label="Cash application">
        {CASH_VIEWS.map((v) => (
          <Link key={v.view} to={v.path} className={`section-tabs__tab${v.view === view ? ' section-tabs__tab--current' : ''}`}>
            {v.title}
          </Link>
        ))}
      </nav>
      {renderView(view)}
    </div>
  );
}
