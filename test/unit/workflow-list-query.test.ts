import { describe, expect, it } from '@jest/globals';
import { statusOf, UnsafeFilterValueError, visibilityQuery } from '../../workflows/src/client/workflow-list-query.ts';

describe('the visibility query of the admin workflow list', () => {
  it.each([
    [{}, `WorkflowType = 'collectionWorkflow'`],
    [{ status: 'running' as const }, `WorkflowType = 'collectionWorkflow' AND ExecutionStatus = 'Running'`],
    [{ status: 'paused' as const }, `WorkflowType = 'collectionWorkflow' AND ExecutionStatus = 'Running' AND RecoupPaused = 'true'`],
    [{ status: 'timed-out' as const }, `WorkflowType = 'collectionWorkflow' AND ExecutionStatus = 'TimedOut'`],
    [
      { strategyVersionId: 'v-1', nodeId: 'task-call', segment: 'consumer', collectorId: 'c-1' },
      `WorkflowType = 'collectionWorkflow' AND RecoupStrategyVersion = 'v-1' AND RecoupNode = 'task-call' AND RecoupSegment = 'consumer' AND RecoupCollector = 'c-1'`,
    ],
  ])('turns %j into %s', (filter, query) => {
    expect(visibilityQuery(filter)).toBe(query);
  });

  it('refuses a value that would break out of its quotes', () => {
    expect(() => visibilityQuery({ nodeId: "x' OR WorkflowType != '" })).toThrow(UnsafeFilterValueError);
  });

  it('tells a paused running workflow apart and names closed ones', () => {
    expect(statusOf('RUNNING', true)).toBe('paused');
    expect(statusOf('RUNNING', false)).toBe('running');
    expect(statusOf('CANCELLED', false)).toBe('canceled');
    expect(statusOf('CONTINUED_AS_NEW', false)).toBe('continued-as-new');
  });
});
