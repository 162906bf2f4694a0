/** The embedded PostgreSQL server could not be prepared or started. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/** The audit log's hash chain does not match its rows. */
export class AuditChainError extends Error {
  override name = 'AuditChainError';
}

/** An account the caller named does not exist. */
export class AccountMissingError extends Error {
  override name = 'AccountMissingError';
}

/** A payment the caller named does not exist. */
export class PaymentMissingError extends Error {
  override name = 'PaymentMissingError';
}
