import { z } from 'zod';
import { formInteger } from '../core/form-params.ts';
import { invalidParam } from '../core/stripe-error.ts';

/** Stripe's list object. */
export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** The paging parameters every Stripe list takes. */
export const pageParams = {
  limit: formInteger({ min: 1, max: 100 }).optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
};

export interface PageParams {
  limit?: number | undefined;
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

const DEFAULT_LIMIT = 10;

/** One page of `items` (newest first), cut as Stripe cuts its lists: after one id, or before another. */
export const paginate = <T extends { id: string }>(items: readonly T[], params: PageParams, url: string): StripeList<T> => {
  const limit = params.limit ?? DEFAULT_LIMIT;
  const indexOf = (param: 'starting_after' | 'ending_before', id: string): number => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw invalidParam(param, `No such object: '${id}'`, 'resource_missing');
    return index;
  };
  if (params.ending_before !== undefined) {
    const end = indexOf('ending_before', params.ending_before);
    const start = Math.max(0, end - limit);
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url };
  }
  const start = params.starting_after === undefined ? 0 : indexOf('starting_after', params.starting_after) + 1;
  return { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length, url };
};
