/** The `error` member of Stripe's error answers, which the SDK turns into its typed errors by `type` and status. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
}

/**
 * A refusal answered in Stripe's error shape. `replayable` is false for refusals made before the endpoint began
 * its work (bad parameters, a key in use): Stripe stores no idempotent result for those, so a corrected retry with
 * the same Idempotency-Key is carried out.
 */
export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  readonly replayable: boolean;

  constructor(status: number, body: StripeErrorBody, options: { replayable?: boolean } = {}) {
    super(body.message);
    this.name = 'StripeApiError';
    this.status = status;
    this.body = body;
    this.replayable = options.replayable ?? true;
  }
}

export const invalidParam = (param: string, message: string, code?: string): StripeApiError =>
  new StripeApiError(400, { type: 'invalid_request_error', message, param, ...(code ? { code } : {}) }, { replayable: false });

/** Stripe's answer for an id it does not know, e.g. "No such checkout.session: 'cs_test_…'". */
export const resourceMissing = (objectName: string, id: string, param: string): StripeApiError =>
  new StripeApiError(404, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${objectName}: '${id}'` });
