import { z } from 'zod';
import { invalidParam, type StripeApiError } from './stripe-error.ts';

// Stripe's API takes form-encoded parameters, so every value arrives as a string (or a nested object or array of
// them, from the bracket notation). These schemas read such values and say what is wrong in Stripe's words; the
// Stripe error code travels in the issue's params, since zod's own codes do not carry it.

type Ctx = z.core.$RefinementCtx<string>;

const refuse = (ctx: Ctx, value: string, message: string, stripeCode?: string): never => {
  ctx.addIssue({ code: 'custom', message, input: value, ...(stripeCode ? { params: { stripeCode } } : {}) });
  return z.NEVER;
};

/** Stripe treats an empty string as an attempt to unset a parameter, which a create request cannot do. */
const refuseEmpty = (ctx: Ctx): never =>
  refuse(ctx, '', 'You passed an empty string for this parameter, which cannot be unset. Remove it or supply a non-empty value.', 'parameter_invalid_empty');

export const formString = (options: { max: number }) =>
  z.string().transform((value, ctx) => {
    if (value === '') return refuseEmpty(ctx);
    if (value.length > options.max) return refuse(ctx, value, `Invalid string: must be at most ${options.max} characters long.`, 'parameter_invalid_string_too_long');
    return value;
  });

export const formInteger = (options: { min: number; max: number }) =>
  z.string().transform((value, ctx): number => {
    if (value === '') return refuseEmpty(ctx);
    if (!/^-?\d+$/.test(value)) return refuse(ctx, value, `Invalid integer: ${value}`, 'parameter_invalid_integer');
    const number = Number(value);
    if (number < options.min) return refuse(ctx, value, `This value must be greater than or equal to ${options.min}.`, 'parameter_invalid_integer');
    if (number > options.max) return refuse(ctx, value, `This value must be less than or equal to ${options.max}.`, 'parameter_invalid_integer');
    return number;
  });

/** http(s) URLs only: the hosted page links and redirects to them. Stripe's code for a bad one is url_invalid. */
export const formUrl = formString({ max: 5000 }).transform((value, ctx) => {
  const url = URL.parse(value);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? value : refuse(ctx, value, 'Not a valid URL', 'url_invalid');
});

/** `line_items[0][price_data][unit_amount]`: a path in Stripe's bracket notation, as its errors name parameters. */
export const paramName = (path: readonly PropertyKey[]): string =>
  path.map((segment, index) => (index === 0 ? String(segment) : `[${String(segment)}]`)).join('');

const describeInput = (input: unknown): string => (typeof input === 'string' ? input : JSON.stringify(input) ?? String(input));

/** The first problem zod found, as Stripe reports it: one error naming the parameter. */
export const stripeErrorOfIssue = (issue: z.core.$ZodIssue): StripeApiError => {
  const param = paramName(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const unknown = paramName([...issue.path, issue.keys[0] ?? '']);
      return invalidParam(unknown, `Received unknown parameter: ${unknown}`, 'parameter_unknown');
    }
    case 'invalid_type':
      if (issue.input === undefined) return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
      if (issue.expected === 'object' || issue.expected === 'record') return invalidParam(param, `Invalid hash: ${param} must be a set of key-value pairs.`);
      if (issue.expected === 'array') return invalidParam(param, `Invalid array: ${param} must be a list.`);
      return invalidParam(param, `Invalid ${issue.expected}: ${describeInput(issue.input)}`);
    case 'invalid_value':
      if (issue.input === undefined) return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
      return invalidParam(param, `Invalid ${param}: must be one of ${issue.values.map(String).join(', ')}`);
    case 'custom': {
      const stripeCode: unknown = issue.params?.['stripeCode'];
      return invalidParam(param, issue.message, typeof stripeCode === 'string' ? stripeCode : undefined);
    }
    case 'too_big':
    case 'too_small':
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return invalidParam(param, issue.message);
  }
};

/** Parses Stripe-style parameters, throwing the first problem as Stripe's 400 answer. */
export const parseFormParams = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const [first] = result.error.issues;
  if (!first) throw new Error('zod refused the parameters without saying why');
  throw stripeErrorOfIssue(first);
};
