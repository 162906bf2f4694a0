import { RecoupError } from '@recoup/domain';

/** Base of every error the db package throws on purpose; its kind tells the API what to answer. */
export class DbError extends RecoupError {}

/** The embedded PostgreSQL server could not be prepared or started. */
export class EmbeddedPostgresError extends DbError {
  constructor(message: string) {
    super('unavailable', 'embedded-postgres-failed', message);
  }
}

/** The audit log's hash chain does not match its rows. */
export class AuditChainError extends DbError {
  constructor(message: string) {
    super('unexpected', 'audit-chain-broken', message);
  }
}

/** An account the caller named does not exist. */
export class AccountMissingError extends DbError {
  constructor(message: string) {
    super('not-found', 'account-missing', message);
  }
}

/** A payment the caller named does not exist. */
export class PaymentMissingError extends DbError {
  constructor(message: string) {
    super('not-found', 'payment-missing', message);
  }
}

/** A payment prediction model the caller named is not in the model store. */
export class PaymentModelMissingError extends DbError {
  constructor(message: string) {
    super('not-found', 'payment-model-missing', message);
  }
}
