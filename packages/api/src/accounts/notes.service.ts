import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AccountNote, AppUser, type IAccountNote } from '@recoup/db';
import type { NewNoteRequest, NoteView } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { accessibleAccount } from '../shared/account-access.ts';

const toNoteView = (note: IAccountNote, authorName: string | null): NoteView => ({
  id: note.id,
  accountId: note.account.id,
  body: note.body,
  authorId: note.author?.id ?? null,
  authorName,
  taskId: note.task?.id ?? null,
  createdAt: note.createdAt.toISOString(),
});

/** The account's notes, newest first, with their authors' names. */
export async function noteViewsOf(em: EntityManager, accountId: string): Promise<NoteView[]> {
  const notes = await em.find(AccountNote, { account: accountId }, { populate: ['author'], orderBy: { createdAt: 'desc', id: 'asc' } });
  return notes.map((n) => toNoteView(n, n.author?.name ?? null));
}

/** Notes collectors keep on an account: what was said and agreed, appended and audited, never edited. */
export class NotesService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async list(accountId: string, user: AuthUser): Promise<NoteView[]> {
    const em = this.#orm.em.fork();
    await accessibleAccount(em, user, accountId);
    return noteViewsOf(em, accountId);
  }

  async add(accountId: string, input: NewNoteRequest, user: AuthUser): Promise<NoteView> {
    return this.#orm.em.fork().transactional(async (em) => {
      const account = await accessibleAccount(em, user, accountId);
      const author = await em.findOneOrFail(AppUser, { id: user.id });
      const note = em.create(AccountNote, { account, body: input.body, author, task: null });
      await em.flush();
      await audit(em, {
        actorId: user.id,
        action: 'account-note.added',
        entity: 'account_note',
        entityId: note.id,
        details: { accountId: account.id, length: input.body.length },
      });
      return toNoteView(note, author.name);
    });
  }
}
