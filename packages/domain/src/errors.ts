/**
 * Base of every error the domain throws, so callers can map domain failures (bad input, broken invariants)
 * separately from infrastructure failures. `code` is stable and meant for programs; `message` is for people.
 */
/** The message of anything thrown: an Error's own message, or the thrown value as text. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Whether `error` is an Error of that name (or class name). For errors that cross a package, bundle or process
 * boundary, where `instanceof` cannot be trusted: two copies of a class are two classes.
 */
export const isErrorNamed = (error: unknown, name: string): boolean =>
  error instanceof Error && (error.name === name || error.constructor.name === name);

export class DomainError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}
