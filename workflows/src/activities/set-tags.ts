import { LockMode } from '@mikro-orm/postgresql';
import { Account, appendAudit } from '@recoup/db';
import { searchableSegment } from '../shared/search-attributes.ts';
import type { SetTagsInput, SetTagsResult } from './activity-types.ts';
import type { ActivityDeps } from './deps.ts';

/** Sets the segment and adds or removes tags. Setting the same again changes nothing, so a retry is harmless. */
export async function setTags(deps: ActivityDeps, input: SetTagsInput): Promise<SetTagsResult> {
  return deps.orm.em.fork().transactional(async (tx) => {
    const account = await tx.findOneOrFail(Account, { id: input.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const before = { segment: account.segment, tags: [...account.tags] };
    const tags = [...new Set([...account.tags, ...input.addTags])].filter((t) => !input.removeTags.includes(t)).sort();
    const segment = input.segment ?? account.segment;
    if (segment !== before.segment || tags.join(',') !== [...before.tags].sort().join(',')) {
      account.segment = segment;
      account.tags = tags;
      await tx.flush();
      await appendAudit(tx, {
        actorId: null,
        action: 'account.tagged',
        entity: 'account',
        entityId: input.accountId,
        details: { before, after: { segment, tags }, key: input.key },
      });
    }
    return { segment, searchSegment: searchableSegment(segment), tags };
  });
}
