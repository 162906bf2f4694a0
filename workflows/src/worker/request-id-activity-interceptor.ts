import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { REQUEST_ID_PATTERN, withRequestId } from '@recoup/config';
import { REQUEST_ID_HEADER } from '../shared/request-id-header.ts';

/** The request id an activity's headers carry, when it is a plain token. */
const requestIdOf = (headers: Headers): string | undefined => {
  const payload = headers[REQUEST_ID_HEADER];
  if (payload === undefined) return undefined;
  const id: unknown = defaultPayloadConverter.fromPayload(payload);
  return typeof id === 'string' && REQUEST_ID_PATTERN.test(id) ? id : undefined;
};

/**
 * Runs each activity as part of the request that set it going: its log entries (Recoup's logger and Temporal's
 * activity log alike) carry that request's id.
 */
export const requestIdActivityInterceptor: ActivityInterceptorsFactory = () => {
  let requestId: string | undefined;
  return {
    inbound: {
      execute: (input, next) => {
        requestId = requestIdOf(input.headers);
        return requestId === undefined ? next(input) : withRequestId(requestId, () => next(input));
      },
    },
    outbound: {
      getLogAttributes: (input, next) => next(requestId === undefined ? input : { ...input, requestId }),
    },
  };
};
