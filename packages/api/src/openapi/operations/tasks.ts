import {
  callCheckViewSchema,
  collectorSettingsRequestSchema,
  collectorWorkloadSchema,
  completeTaskRequestSchema,
  idParamsSchema,
  inboxPageSchema,
  inboxQuerySchema,
  pageOf,
  reassignAccountsRequestSchema,
  reassignResultSchema,
  reassignTasksRequestSchema,
  taskListQuerySchema,
  taskViewSchema,
  teamWorkloadSchema,
} from '@recoup/contracts';
import { ALL_ROLES, json, MANAGERS, type Operations } from '../operation.ts';

export const taskOperations: Operations = {
  'GET /api/tasks/inbox': {
    tag: 'tasks',
    summary: "The caller's inbox: their own tasks, or the unassigned ones they may claim, most urgent first",
    description:
      'Each task carries its ranking score and the parts it is made of (overdue amount, days past due, how late the task is, ' +
      "the debtor's risk, the strategy's priority), so the order can be explained. `scope=claimable` lists the open, unassigned " +
      "tasks of the caller's pools (managers and admins: every unassigned task they can see). `due=today` is read on the calendar " +
      'of `tz` (UTC when absent). `segments` lists the segments among the caller\'s tasks, for a filter.',
    access: ALL_ROLES,
    query: inboxQuerySchema,
    responses: { 200: json('One page of ranked tasks, with the segments to filter by.', inboxPageSchema) },
  },
  'GET /api/tasks': {
    tag: 'tasks',
    summary: 'List tasks, earliest due first',
    description:
      "A collector sees their own tasks and may filter only by `assignee=me` (or their own id); a manager sees their team's, " +
      'an admin all. `assignee=none` lists the unassigned ones.',
    access: ALL_ROLES,
    query: taskListQuerySchema,
    responses: { 200: json('One page of tasks.', pageOf(taskViewSchema)) },
  },
  'GET /api/tasks/:id': {
    tag: 'tasks',
    summary: 'One task',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The task.', taskViewSchema) },
  },
  'POST /api/tasks/:id/complete': {
    tag: 'tasks',
    summary: 'Complete a task with one of its outcomes',
    description:
      "The task is closed only when the account's collection workflow accepts the outcome; otherwise it stays open and the call " +
      'answers with an error. A promise (outcome `promise-to-pay`), a payment plan (`payment-plan`) or a dispute (`dispute`) ' +
      'agreed on the call can come with it; a dispute stands even if the task cannot be closed. `call` logs the call through the ' +
      'call-frequency rules, and a call they forbid refuses the whole completion (422). The outcome `call-back` keeps a call task ' +
      'open and makes it due again at `callBackAt` (within 30 days), noting the request on the account.',
    access: ALL_ROLES,
    params: idParamsSchema,
    body: completeTaskRequestSchema,
    responses: { 200: json('The task as it now stands: done, or for a call-back still open with its new due time.', taskViewSchema) },
  },
  'GET /api/tasks/:id/call-check': {
    tag: 'tasks',
    summary: "Whether the task's debtor may be called now",
    description:
      'Asked before dialling. When the contact-hour or call-frequency rules forbid the call, the refusal is recorded as a ' +
      'stopped contact attempt, once per task and refusal however often it is asked, and the answer names the rules, the ' +
      'reason and, when one exists, the next moment a call is allowed.',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('Allowed, or refused with the rules that refuse it.', callCheckViewSchema) },
  },
  'POST /api/tasks/:id/claim': {
    tag: 'tasks',
    summary: 'Take an unassigned open task',
    description:
      'A collector may claim unassigned tasks other than escalations on accounts of their pools (or in no pool); managers and ' +
      'admins any task they can see. Of two people claiming at once exactly one wins; the other gets 409, as does a task that ' +
      'is no longer open or already assigned.',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The task, now assigned to the caller.', taskViewSchema) },
  },
  'POST /api/tasks/:id/release': {
    tag: 'tasks',
    summary: 'Hand one\'s own open task back to the unassigned queue',
    description: 'Only the collector the task is assigned to can release it (409 otherwise).',
    access: ALL_ROLES,
    params: idParamsSchema,
    responses: { 200: json('The task, now unassigned.', taskViewSchema) },
  },

  'GET /api/team/workload': {
    tag: 'tasks',
    summary: "The team's workload: each collector's open and overdue tasks, accounts and open balance, and the unassigned queue",
    description: "A manager sees the collectors they lead, an admin every collector. Overdue is judged at `asOf`.",
    access: MANAGERS,
    responses: { 200: json('The workload per collector and of the unassigned queue.', teamWorkloadSchema) },
  },
  'POST /api/team/tasks/reassign': {
    tag: 'tasks',
    summary: 'Move open tasks to a collector of the team',
    description:
      "All the tasks move in one transaction or none does: a task the caller cannot see is 404, a done or cancelled one 409. The " +
      "collector must be active and on the caller's team (any collector for an admin). Tasks already with the collector are " +
      'left as they are and listed as unchanged. Each move is audited.',
    access: MANAGERS,
    body: reassignTasksRequestSchema,
    responses: { 200: json('Which tasks changed hands and which were already with the collector.', reassignResultSchema) },
  },
  'POST /api/team/accounts/reassign': {
    tag: 'tasks',
    summary: 'Give accounts to a collector of the team, with their open tasks',
    description:
      "The accounts' open tasks go with them, except tasks the caller could not move on their own (another team's). Done tasks " +
      'keep who worked them. An account the caller cannot see is 404 and nothing moves. Each move is audited.',
    access: MANAGERS,
    body: reassignAccountsRequestSchema,
    responses: { 200: json('Which accounts changed hands, which were already with the collector, and how many tasks followed.', reassignResultSchema) },
  },
  'PATCH /api/team/collectors/:id': {
    tag: 'tasks',
    summary: "Change a collector's capacity, skills or pools",
    description:
      'What the automatic assignment reads: capacity bounds both open tasks and owing accounts, skills and pools decide which ' +
      "work the collector can be given. The collector must be on the caller's team (any collector for an admin). A change is " +
      'audited; a request that changes nothing writes nothing.',
    access: MANAGERS,
    params: idParamsSchema,
    body: collectorSettingsRequestSchema,
    responses: { 200: json("The collector's workload with the new settings.", collectorWorkloadSchema) },
  },
};
