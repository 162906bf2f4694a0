import type { ComplianceSettingInput } from '@recoup/contracts';
import type { CustomerType } from './compliance-settings.api.ts';

// What each compliance setting means, in one place: its label, how it is typed, and the rule behind it. The page
// renders these groups in order; a setting the API adds gets its entry here.

/** The numeric settings this form edits; how calls are counted (callLimitScope) is set through the API for now. */
export type SettingField = Exclude<keyof ComplianceSettingInput, 'callLimitScope'>;

export interface FieldSpec {
  field: SettingField;
  label: string;
  /** time: a wall-clock time written HH:MM, stored as minutes after midnight. count: a whole number. */
  kind: 'time' | 'count';
  hint: string;
}

export interface SettingGroup {
  title: string;
  /** What Recoup does with the setting, in plain words. */
  meaning: string;
  /** The regulation the default comes from, in plain words, with its citation. */
  rule: string;
  fields: readonly FieldSpec[];
}

export const SETTING_GROUPS: readonly SettingGroup[] = [
  {
    title: 'Contact hours',
    meaning:
      'E-mails, text messages and call tasks reach the debtor only between these times on the debtor’s own clock, in their time zone and across daylight-saving changes. One that falls outside waits for the next allowed moment, and the wait is recorded; nothing is dropped. Letters are not held back: they arrive days later at no particular hour.',
    rule: 'Reg F, 12 CFR 1006.6(b)(1)(i): contacting a consumer before 8:00 in the morning or after 9:00 in the evening at their location is presumed inconvenient. The defaults are exactly those hours.',
    fields: [
      { field: 'contactStartMinutes', label: 'Contact from', kind: 'time', hint: 'The first allowed minute, 24-hour clock (08:00).' },
      { field: 'contactEndMinutes', label: 'Contact until', kind: 'time', hint: 'The first minute no longer allowed (21:00 means the last contact at 20:59).' },
    ],
  },
  {
    title: 'Call attempts',
    meaning:
      'At most this many call attempts within any stretch of this many days. Recoup counts the attempts on each debt (invoice) a call was about, as Reg F does, unless the customer type’s call-limit scope counts every attempt on the account, which is stricter (set through the API as callLimitScope). A call task waits until an attempt has left the window, and logging one more call is refused with the time calling is allowed again.',
    rule: 'Reg F, 12 CFR 1006.14(b)(2)(i): calling about a debt more than 7 times within 7 consecutive days is presumed harassment. It is a presumption rather than a hard cap, but Recoup holds it as a cap, so no strategy can break it.',
    fields: [
      { field: 'maxCallAttempts', label: 'Call attempts at most', kind: 'count', hint: 'Between 1 and 100.' },
      { field: 'callWindowDays', label: 'Within days', kind: 'count', hint: 'The length of the window, 1 to 90 days.' },
    ],
  },
  {
    title: 'Pause after a conversation',
    meaning: 'After a telephone conversation with the debtor, no further call for this many days. 0 turns the pause off.',
    rule: 'Reg F, 12 CFR 1006.14(b)(2)(ii): calling within 7 days after a telephone conversation about the debt is presumed harassment.',
    fields: [{ field: 'quietDaysAfterConversation', label: 'Days without calls after a conversation', kind: 'count', hint: 'Between 0 and 90.' }],
  },
];

export const FIELD_SPECS: readonly FieldSpec[] = SETTING_GROUPS.flatMap((group) => group.fields);

export const CUSTOMER_TYPES: Record<CustomerType, { title: string; scope: string }> = {
  consumer: {
    title: 'Consumer debts',
    scope: 'Debts a person owes for personal, family or household purposes: Reg F applies in full.',
  },
  business: {
    title: 'Business debts',
    scope: 'Reg F protects consumers only, so these values are your own policy. They start at the consumer values.',
  },
};

/** 480 -> "08:00"; 1440 -> "24:00" (until midnight). */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "8:00" or "08:00" -> 480; anything that is not a time of day (24:00 included, as the end of the day) -> null. */
export function parseTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours * 60 + minutes > 24 * 60) return null;
  return hours * 60 + minutes;
}

/** A whole number typed in a field, or null. */
export function parseCount(text: string): number | null {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The API's reason, with the field names it mentions put in the page's words. */
export function inWords(reason: string): string {
  return FIELD_SPECS.reduce((text, spec) => text.replaceAll(spec.field, `“${spec.label}”`), reason);
}
