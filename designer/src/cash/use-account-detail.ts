import { skipToken, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { accountKey, getAccount } from '../accounts/account.api.ts';

/** The account 360 of the account picked (its invoices and payments); nothing is read while none is picked. */
export function useAccountDetail(accountId: string | null) {
  const api = useApi();
  return useQuery({
    // The same cache entry the account 360 page reads, so the two never disagree.
    queryKey: accountId === null ? ['account', null] : accountKey(accountId),
    queryFn: accountId === null ? skipToken : ({ signal }) => getAccount(api, accountId, signal),
  });
}
