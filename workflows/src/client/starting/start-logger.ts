/** What starting collections reports to its caller's log. */
export interface StartLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
