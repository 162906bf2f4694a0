/**
 * Base of every error the domain throws, so callers can map domain failures (bad input, broken invariants)
 * separately from infrastructure failures. `code` is stable and meant for programs; `message` is for people.
 */
export class DomainError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}
