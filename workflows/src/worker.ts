// Worker-side entry: the activity implementations and the worker factory.
export type * from './activities/activity-types.ts';
export { createActivities } from './activities/create-activities.ts';
export type { ActivityDeps } from './activities/deps.ts';
export { createSmtpMailer, type Mailer, type OutgoingMail } from './activities/mailer.ts';
export { createWorker, WORKFLOWS_PATH } from './worker/create-worker.ts';
