import { ApiError } from './api-error.ts';
import { isRecord } from './response-reading.ts';

/** One field the server refused: `details.fields` of a 400 or 422 error body. */
export interface FieldFailure {
  path: string;
  reason: string;
}

export interface ApiFailure {
  message: string;
  fields: FieldFailure[];
}

/**
 * A failed call in words for the page: the server's message, and the fields it named. The API sends
 * `details.fields: [{ path, reason }]`; a single `details.field` (or `details.path`) names one field and its
 * reason is then the message itself.
 */
export function describeFailure(error: unknown, fallback: string): ApiFailure {
  if (!(error instanceof ApiError)) return { message: fallback, fields: [] };
  const fields: FieldFailure[] = [];
  const details = error.details;
  if (isRecord(details)) {
    const listed = details['fields'];
    if (Array.isArray(listed)) {
      for (const field of listed) {
        if (isRecord(field) && typeof field['path'] === 'string') {
          fields.push({ path: field['path'], reason: typeof field['reason'] === 'string' ? field['reason'] : error.message });
        }
      }
    }
    const single = typeof details['field'] === 'string' ? details['field'] : details['path'];
    if (typeof single === 'string') fields.push({ path: single, reason: error.message });
  }
  return { message: error.message, fields };
}

/** The first reason the server gave for each of a form's fields, a nested path ("scopes.1") counting for its head. */
export function reasonsByField<F extends string>(failure: ApiFailure, fields: readonly F[]): Partial<Record<F, string>> {
  const reasons: Partial<Record<F, string>> = {};
  for (const field of failure.fields) {
    const head = fields.find((f) => f === field.path.split('.')[0]);
    if (head && reasons[head] === undefined) reasons[head] = field.reason;
  }
  return reasons;
}
