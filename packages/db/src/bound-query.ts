import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';

/**
 * Runs `text` in the entity manager's transaction (or on the pool outside one) with its `?` placeholders bound as
 * parameters; a `?` that is not a placeholder (a jsonb operator) cannot be written. MikroORM's execute() splices
 * parameters into the SQL text, escaping them a character at a time: tens of milliseconds for a megabyte of JSON
 * rows, seconds for a statement file's raw bytes. Errors are the ORM's, so a unique violation reads as it would
 * from a flush.
 */
export const query = async <Row>(em: EntityManager, text: string, params: readonly unknown[] = []): Promise<Row[]> => {
  const numbered = text.split('?').reduce((sql, part, i) => (i === 0 ? part : `${sql}$${i}${part}`), '');
  try {
    return (await em.getKysely().executeQuery<Row>(CompiledQuery.raw(numbered, [...params]))).rows;
  } catch (error) {
    throw em.getPlatform().getExceptionConverter().convertException(error as Error);
  }
};
