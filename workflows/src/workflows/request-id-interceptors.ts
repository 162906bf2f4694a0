import type {
  ActivityInput,
  LocalActivityInput,
  Next,
  SignalInput,
  UpdateInput,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import type { Headers } from '@temporalio/common';
import { REQUEST_ID_HEADER } from '../shared/request-id-header.ts';

/**
 * Passes the id of the request that last reached the workflow (its start, a signal or an Update) on to the
 * activities it schedules from then on. The headers are in the history, so a replay passes on the same ids.
 */
class RequestIdInterceptor implements WorkflowInboundCallsInterceptor, WorkflowOutboundCallsInterceptor {
  #latest: Headers[string] | undefined;

  #take(headers: Headers): void {
    const id = headers[REQUEST_ID_HEADER];
    if (id !== undefined) this.#latest = id;
  }

  #pass<T extends { headers: Headers }>(input: T): T {
    return this.#latest === undefined ? input : { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: this.#latest } };
  }

  execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    this.#take(input.headers);
    return next(input);
  }

  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    this.#take(input.headers);
    return next(input);
  }

  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    this.#take(input.headers);
    return next(input);
  }

  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>): Promise<unknown> {
    return next(this.#pass(input));
  }

  scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>): Promise<unknown> {
    return next(this.#pass(input));
  }
}

export const interceptors = (): WorkflowInterceptors => {
  const interceptor = new RequestIdInterceptor();
  return { inbound: [interceptor], outbound: [interceptor] };
};
