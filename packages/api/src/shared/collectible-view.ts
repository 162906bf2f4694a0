import type { EntityManager } from '@mikro-orm/postgresql';
import { collectibleAmounts } from '@recoup/db';
import type { CollectibleView } from '@recoup/contracts';

/** Open, disputed and collectible amounts of an account in its currency, in the API's money shape. */
export const collectibleView = async (em: EntityManager, accountId: string): Promise<CollectibleView> => {
  const amounts = await collectibleAmounts(em, accountId);
  const money = (amountMinor: bigint) => ({ amountMinor: amountMinor.toString(), currency: amounts.currency });
  return { open: money(amounts.openMinor), disputed: money(amounts.disputedMinor), collectible: money(amounts.collectibleMinor) };
};
