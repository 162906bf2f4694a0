import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { currentRequestId } from '@recoup/config';
import { REQUEST_ID_HEADER } from '../shared/request-id-header.ts';

/** The headers with the current request's id added, when a request is being served. */
const withId = <T extends { headers: Headers }>(input: T): T => {
  const requestId = currentRequestId();
  if (requestId === undefined) return input;
  return { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } };
};

/** Sends the id of the request being served with every start, signal and Update, so the workflow can pass it on. */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next(withId(input)),
  startWithDetails: (input, next) => next(withId(input)),
  signal: (input, next) => next(withId(input)),
  signalWithStart: (input, next) => next(withId(input)),
  startUpdate: (input, next) => next(withId(input)),
};
