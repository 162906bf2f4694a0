/** Stable problem codes: the designer and API key on them, so they never change meaning. */
export const PROBLEM_CODES = [
  'invalid-document',
  'invalid-node',
  'invalid-node-data',
  'invalid-edge',
  'duplicate-node-id',
  'duplicate-edge-id',
  'unknown-edge-source',
  'unknown-edge-target',
  'missing-start',
  'multiple-starts',
  'start-has-incoming',
  'missing-end',
  'unknown-handle',
  'end-has-outgoing',
  'missing-handle',
  'duplicate-handle',
  'unreachable-node',
  'no-path-to-end',
  'wait-free-cycle',
  'unknown-template',
  'unknown-fact',
  'unknown-operator',
  'operator-mismatch',
  'value-mismatch',
  'duplicate-task-outcome',
  'invalid-portal-policy',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  nodeId?: string;
  edgeId?: string;
  code: ProblemCode;
  message: string;
}
