import { ApiError } from '../../api/api-error.ts';

/** The sentence to show under the form for a failed sign-in. */
export function describeLoginError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong while signing in. Please try again.';
  if (error.isUnreachable) return 'Cannot reach the Recoup server. Check that it is running, then try again.';
  // The server words its own refusals (wrong password, disabled user, rate limit); show them as sent.
  if (error.status === 401) return error.message || 'The email or password is not correct.';
  if (error.status === 429) return error.message || 'Too many attempts. Wait a moment, then try again.';
  if (error.status >= 500) return 'The server could not sign you in right now. Please try again shortly.';
  return error.message;
}
