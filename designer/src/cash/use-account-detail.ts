import { useEffect, useState } from 'react';
import type { AccountDetail } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { getAccount } from '../accounts/account.api.ts';

export type AccountLoad = { status: 'none' } | { status: 'loading' } | { status: 'ready'; detail: AccountDetail } | { status: 'failed'; message: string };

/** The account 360 of the account picked (its invoices and payments), or nothing while none is picked. */
export function useAccountDetail(accountId: string | null): AccountLoad {
  const api = useApi();
  const [load, setLoad] = useState<AccountLoad>({ status: 'none' });
  useEffect(() => {
    if (!accountId) {
      setLoad({ status: 'none' });
      return;
    }
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    getAccount(api, accountId, controller.signal).then(
      (detail) => !controller.signal.aborted && setLoad({ status: 'ready', detail }),
      (error: unknown) => !controller.signal.aborted && setLoad({ status: 'failed', message: describeFailure(error, 'Could not load the account.').message }),
    );
    return () => controller.abort();
  }, [api, accountId]);
  return load;
}
