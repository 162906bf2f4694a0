import type { MikroORM } from '@mikro-orm/postgresql';
import { PaymentPromise } from '@recoup/db';
import type { PromiseList, PromiseRequest, PromiseView } from '@recoup/contracts';
import type { CollectionClient } from '@recoup/workflows';
import type { AuthUser } from '../auth/current-user.ts';
import type { Logger } from '../http/logger.ts';
import { accessibleAccount } from '../shared/access-scope.ts';
import { collectibleView } from '../shared/collectible-view.ts';
import { recordPromiseWith, userActor } from './promise-recorder.ts';
import { toPromiseView } from './promise-view.ts';

export class PromisesService {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;
  readonly #logger: Logger;

  constructor(orm: MikroORM, collections: CollectionClient, logger: Logger) {
    this.#orm = orm;
    this.#collections = collections;
    this.#logger = logger;
  }

  /** Stores the promise and has the account's workflow hold dunning for it; see recordPromiseWith. */
  async record(accountId: string, input: PromiseRequest, user: AuthUser): Promise<PromiseView> {
    await accessibleAccount(this.#orm.em.fork(), user, accountId);
    const origin = { source: 'api', actor: userActor(user), fieldPrefix: '' } as const;
    const promise = await recordPromiseWith(this.#orm, accountId, input, origin, (message) => this.#collections.recordPromise(accountId, message), this.#logger);
    return toPromiseView(promise);
  }

  async list(accountId: string, user: AuthUser): Promise<PromiseList> {
    const em = this.#orm.em.fork();
    await accessibleAccount(em, user, accountId);
    const promises = await em.find(PaymentPromise, { account: accountId }, { orderBy: { dueDate: 'asc', createdAt: 'asc', id: 'asc' } });
    return { items: promises.map(toPromiseView), balance: await collectibleView(em, accountId) };
  }
}
