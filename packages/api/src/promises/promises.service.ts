import type { MikroORM } from '@mikro-orm/postgresql';
import { PaymentPromise } from '@recoup/db';
import type { PromiseList, PromiseRequest, PromiseView } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import type { AuthUser } from '../auth/current-user.ts';
import type { Logger } from '../http/logger.ts';
import { accessibleAccount } from '../shared/access-scope.ts';
import { collectibleView } from '../shared/collectible-view.ts';
import { cancelPromise, storePromise, workflowRefusal } from './promise-recorder.ts';
import { toPromiseMessage, toPromiseView } from './promise-view.ts';
import { errorMessage } from '@recoup/domain';

export class PromisesService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;
  readonly #logger: Logger;

  constructor(orm: MikroORM, collections: CollectionClient, logger: Logger) {
    this.#orm = orm;
    this.#collections = collections;
    this.#logger = logger;
  }

  /**
   * Stores the promise, then asks the account's workflow to hold dunning for it. When the workflow refuses it, has
   * ended or cannot be reached, the promise is cancelled: a promise the workflow does not know would hold nothing.
   */
  async record(accountId: string, input: PromiseRequest, user: AuthUser): Promise<PromiseView> {
    await accessibleAccount(this.#orm.em.fork(), user, accountId);
    const promise = await storePromise(this.#orm, accountId, input, { source: 'api', user, fieldPrefix: '' });
    try {
      await this.#collections.recordPromise(accountId, toPromiseMessage(promise));
    } catch (error) {
      const answer = workflowRefusal(error);
      if (answer.kind === 'unavailable') {
        this.#logger.warn('could not hand a promise to the workflow', {
          accountId,
          error: errorMessage(error),
        });
      }
      await cancelPromise(this.#orm, promise.id, user, answer.message);
      throw answer;
    }
    return toPromiseView(promise);
  }

  async list(accountId: string, user: AuthUser): Promise<PromiseList> {
    const em = this.#orm.em.fork();
    await accessibleAccount(em, user, accountId);
    const promises = await em.find(PaymentPromise, { account: accountId }, { orderBy: { dueDate: 'asc', createdAt: 'asc', id: 'asc' } });
    return { items: promises.map(toPromiseView), balance: await collectibleView(em, accountId) };
  }
}
