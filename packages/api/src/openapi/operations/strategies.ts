import { z } from 'zod';
import {
  cohortMigrationRequestSchema,
  cohortMigrationResultSchema,
  idParamsSchema,
  segmentParamsSchema,
  simulationRequestSchema,
  simulationResponseSchema,
  strategyAssignmentPutSchema,
  strategyAssignmentsResponseSchema,
  strategyAssignmentViewSchema,
  strategyCreateSchema,
  strategyLiveCountsSchema,
  strategyUpdateSchema,
  strategyValidateResponseSchema,
  strategyVersionSummarySchema,
  strategyVersionViewSchema,
  strategyViewSchema,
} from '@recoup/contracts';
import { ALL_ROLES, json, MANAGERS, type Operations } from '../operation.ts';

export const strategyOperations: Operations = {
  'GET /api/strategies': {
    tag: 'strategies',
    summary: 'List the strategies, by name',
    description: 'Each comes with its current draft and a summary of its latest published version (null before the first publish).',
    access: ALL_ROLES,
    responses: { 200: json('The strategies.', z.array(strategyViewSchema)) },
  },
  'POST /api/strategies': {
    tag: 'strategies',
    summary: 'Create a strategy',
    description:
      'The draft may be left out (an empty graph) or be any work in progress; it is only checked fully when published. Making the new strategy the default clears the flag on the previous default. Names are unique.',
    access: MANAGERS,
    body: strategyCreateSchema,
    responses: { 201: json('The strategy as stored, with no published version yet.', strategyViewSchema) },
  },
  'POST /api/strategies/validate': {
    tag: 'strategies',
    summary: 'Check a strategy document without storing it',
    description:
      'Runs the same checks as publishing (graph rules, known templates, known facts) and answers 200 either way: `valid` says whether it passed and `problems` lists every problem found, each with a stable code.',
    access: ALL_ROLES,
    body: {
      description: 'The strategy graph document itself, or `{ "graph": document }`. Any JSON is accepted; what is wrong with it comes back as problems.',
      required: true,
    },
    responses: { 200: json('The outcome of the check.', strategyValidateResponseSchema) },
  },
  'GET /api/strategies/:id': {
    tag: 'strategies',
    summary: 'A strategy with its draft and latest published version',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The strategy.', strategyViewSchema) },
  },
  'PUT /api/strategies/:id': {
    tag: 'strategies',
    summary: "Change a strategy's name, description, draft or default flag",
    description: 'Only the fields given change. Published versions are never affected; publish again to freeze the new draft.',
    access: MANAGERS,
    params: idParamsSchema,
    body: strategyUpdateSchema,
    responses: { 200: json('The strategy as it now stands.', strategyViewSchema) },
  },
  'POST /api/strategies/:id/publish': {
    tag: 'strategies',
    summary: 'Publish the current draft as the next version',
    description:
      'The draft is checked like POST /api/strategies/validate and refused with every problem (422) when it is not valid. A published version never changes; new collection runs use it once a segment is assigned to it, or when its strategy is the default.',
    access: MANAGERS,
    params: idParamsSchema,
    responses: { 201: json('The new version, with its frozen graph and checksum.', strategyVersionViewSchema) },
  },
  'GET /api/strategies/:id/versions': {
    tag: 'strategies',
    summary: "The strategy's published versions, newest first",
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The versions, without their graphs.', z.array(strategyVersionSummarySchema)) },
  },
  'GET /api/strategy-versions/:id': {
    tag: 'strategies',
    summary: 'A published version with its graph',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The version.', strategyVersionViewSchema) },
  },
  'GET /api/strategy-versions/:id/live': {
    tag: 'strategies',
    summary: 'How many running accounts sit at each node of a published version',
    description:
      "The running workflows are asked where they are, so the answer is as of `at`. At most 5,000 accounts are asked (`truncated` then says so); workflows that do not answer are counted in `failed`, not at a node.",
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The counts by node.', strategyLiveCountsSchema) },
  },
  'POST /api/strategy-versions/:id/migrate': {
    tag: 'strategies',
    summary: 'Move the running accounts of one published version to this one',
    description:
      'Each workflow in the cohort of `fromVersionId` moves to the node of the same id in the target version (or the one `nodeMapping` names) and refuses, with its reason, when there is none; the answer lists per account what happened. Accounts that moved get a new collection run on the target version. The migration is audited.',
    access: MANAGERS,
    params: idParamsSchema,
    body: cohortMigrationRequestSchema,
    responses: { 200: json('What happened to each account of the cohort.', cohortMigrationResultSchema) },
  },
  'GET /api/strategy-assignments': {
    tag: 'strategies',
    summary: 'Which strategy versions each segment runs',
    description:
      "Each segment's split of new collection runs over published versions (A/B arms), and the fallback that segments without an assignment run: the default strategy's latest version, or null when there is none.",
    access: ALL_ROLES,
    responses: { 200: json('The assignments by segment, and the fallback.', strategyAssignmentsResponseSchema) },
  },
  'PUT /api/strategy-assignments/:segment': {
    tag: 'strategies',
    summary: "Set a segment's split over published strategy versions",
    description:
      'Creates or replaces the whole split; the percentages must be whole numbers adding up to 100 and every version must be published. Only collection runs started afterwards are affected.',
    access: MANAGERS,
    params: segmentParamsSchema,
    body: strategyAssignmentPutSchema,
    responses: { 200: json("The assignment as stored, with each arm's strategy name and version number.", strategyAssignmentViewSchema) },
  },
  'DELETE /api/strategy-assignments/:segment': {
    tag: 'strategies',
    summary: "Remove a segment's assignment",
    description: 'New collection runs of the segment then use the default strategy. Runs already started are not affected.',
    access: MANAGERS,
    params: segmentParamsSchema,
    responses: { 204: { description: 'The assignment is gone.' } },
  },
  'POST /api/simulations': {
    tag: 'simulations',
    summary: 'Simulate a strategy over a period, on real or generated accounts',
    description:
      'Give a published version (`strategyVersionId`) or a draft `graph`, and real `accountIds` or a generated `portfolio`. Nothing is stored and nobody is contacted; the same request with the same seeds always gives the same answer. Large portfolios take seconds.',
    access: MANAGERS,
    body: simulationRequestSchema,
    responses: { 200: json('Daily and per-node counts, outcomes, sampled account paths and, when asked, every timeline.', simulationResponseSchema) },
  },
};
