import { ApiError, UNEXPECTED_RESPONSE } from './api-error.ts';

// Small readers for API responses: the designer parses what the server sends instead of trusting a cast, and a
// response of the wrong shape becomes one clear ApiError.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function unexpected(what: string): ApiError {
  return new ApiError(200, UNEXPECTED_RESPONSE, `The server sent ${what} the designer does not understand.`);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
