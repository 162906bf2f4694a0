import { createHash } from 'node:crypto';
import { identifyStatement, type ParsedStatement, type StatementIdentities } from '@recoup/domain';

// How a stored statement and its transactions are keyed: the domain's identities, hashed with SHA-256. Kept apart
// from the store (and exported on its own path) so the thread that parses a file can key it too, without loading
// the ORM, and so both always hash alike.

/** The SHA-256 of a file's bytes, or of a text as UTF-8, in hex: what a statement file and its keys are known by. */
export const statementSha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The keys of a parsed statement file's statements and transactions, as the store compares them. */
export const statementIdentities = (parsed: ParsedStatement): StatementIdentities => identifyStatement(parsed, statementSha256);
