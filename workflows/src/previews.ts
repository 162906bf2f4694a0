// What the API runs to show a manager what the activities would do, through the activities' own code: facts loaded
// from the database, conditions evaluated by json-rules-engine, templates rendered with the reminder's view. A
// separate entry from './worker', so the API does not load the worker runtime.
export { AccountNotFoundError, loadAccountFacts, type AccountFacts } from './activities/account-facts.ts';
export type { EvaluateConditionResult } from './activities/activity-types.ts';
export { evaluateConditionForAccount, evaluateRule, RuleEngineError } from './activities/evaluate-condition.ts';
export { PREVIEW_OPT_OUT_TOKEN, previewReminder, type ReminderPreviewInput } from './activities/reminder-preview.ts';
export { templateSyntaxError } from './activities/render-template.ts';
export { SMS_MAX_CHARACTERS, SmsTooLongError, type TemplateTexts } from './activities/channels/reminder-content.ts';
