// Every fact a strategy rule can test: one typed, documented list. The designer's rule builder is fed from it (via
// the API), the validator refuses rules on anything else, and one activity computes all of them from the database.
// Amounts are safe-integer numbers of minor units because json-rules-engine compares plain numbers. Disputed items
// are left out of every dunning figure (daysPastDue, the amounts, the invoice count) until the dispute is resolved.

export type FactType = 'number' | 'string' | 'boolean' | 'date' | 'list';

export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  unit?: string;
  /** The values a string fact can take, when they are a fixed set. */
  values?: readonly string[];
  /** True when the fact can be null (a rule comparing null with a number never holds). */
  nullable?: boolean;
}

export const FACTS = [
  {
    name: 'daysPastDue',
    type: 'number',
    unit: 'days',
    description: 'Days since the oldest undisputed open invoice fell due; 0 while nothing is overdue.',
  },
  {
    name: 'overdueAmountMinor',
    type: 'number',
    unit: 'minor units',
    description: 'Open amount of the undisputed invoices that are past due, in the account currency.',
  },
  {
    name: 'totalOpenMinor',
    type: 'number',
    unit: 'minor units',
    description: 'Open amount of all undisputed invoices, due or not, in the account currency.',
  },
  { name: 'openInvoiceCount', type: 'number', unit: 'invoices', description: 'Number of open invoices not wholly disputed.' },
  {
    name: 'currentBucket',
    type: 'string',
    values: ['current', '1-30', '31-60', '61-90', '90+'],
    description: 'The aging bucket of the oldest undisputed open invoice.',
  },
  { name: 'customerType', type: 'string', values: ['consumer', 'business'], description: 'Consumer or business debtor.' },
  { name: 'segment', type: 'string', description: "The account's segment, 'standard' unless set otherwise." },
  { name: 'tags', type: 'list', description: 'Tags set on the account (test with contains / doesNotContain).' },
  {
    name: 'riskScore',
    type: 'number',
    unit: 'points (0–1000)',
    nullable: true,
    description:
      'Predicted risk from 0 (low) to 1000 (high) from the active payment model: 1000 when all that is open is predicted to be paid more than 30 days late, 500 late but within 30 days. The imported score while no model has scored the account; null when neither exists.',
  },
  {
    name: 'importedRiskScore',
    type: 'number',
    unit: 'points (0–1000)',
    nullable: true,
    description: 'The risk score imported with the account, 0 (low) to 1000 (high); null when none was imported.',
  },
  {
    name: 'lateProbability',
    type: 'number',
    unit: 'percent',
    nullable: true,
    description: 'Predicted chance, 0–100, that the open invoices are paid after their due dates, weighted by open amount; null until a payment model has scored the account.',
  },
  {
    name: 'predictedDaysLate',
    type: 'number',
    unit: 'days',
    nullable: true,
    description: 'Predicted days after the due dates that the open invoices are paid, weighted by open amount; null until a payment model has scored the account.',
  },
  {
    name: 'predictedPayDate',
    type: 'date',
    nullable: true,
    description: 'Predicted date (YYYY-MM-DD) by which half of the open amount is paid; null until a payment model has scored the account.',
  },
  { name: 'currency', type: 'string', description: 'ISO 4217 code of the account currency.' },
  {
    name: 'remindersSent',
    type: 'number',
    unit: 'reminders',
    description: 'Reminders sent to the account so far, on every channel.',
  },
  {
    name: 'lastContactAt',
    type: 'date',
    nullable: true,
    description: 'When the debtor was last contacted (a reminder sent or a call placed), ISO date-time; null if never.',
  },
  {
    name: 'daysSinceLastContact',
    type: 'number',
    unit: 'days',
    nullable: true,
    description: 'Whole days since the last contact; null if the debtor was never contacted.',
  },
  {
    name: 'contactsLast7Days',
    type: 'number',
    unit: 'contacts',
    description: 'Reminders sent and calls placed in the last 7 days.',
  },
  {
    name: 'promiseStatus',
    type: 'string',
    values: ['none', 'open', 'kept', 'broken'],
    description: 'How the latest promise to pay stands; none when no promise was ever given.',
  },
  { name: 'brokenPromises', type: 'number', unit: 'promises', description: 'Promises to pay the debtor has broken.' },
  { name: 'keptPromises', type: 'number', unit: 'promises', description: 'Promises to pay the debtor has kept.' },
  { name: 'disputeOpen', type: 'boolean', description: 'True while a dispute on any of the account’s items is open.' },
  {
    name: 'disputedAmountMinor',
    type: 'number',
    unit: 'minor units',
    description: 'Open amount under dispute, left out of the dunning figures above.',
  },
] as const satisfies readonly FactDefinition[];

export type FactName = (typeof FACTS)[number]['name'];

export const FACT_NAMES: readonly FactName[] = Object.freeze(FACTS.map((f) => f.name));

/** The values the facts activity hands to the rules engine. */
export interface FactValues {
  daysPastDue: number;
  overdueAmountMinor: number;
  totalOpenMinor: number;
  openInvoiceCount: number;
  currentBucket: 'current' | '1-30' | '31-60' | '61-90' | '90+';
  customerType: 'consumer' | 'business';
  segment: string;
  tags: string[];
  riskScore: number | null;
  importedRiskScore: number | null;
  lateProbability: number | null;
  predictedDaysLate: number | null;
  predictedPayDate: string | null;
  currency: string;
  remindersSent: number;
  lastContactAt: string | null;
  daysSinceLastContact: number | null;
  contactsLast7Days: number;
  promiseStatus: 'none' | 'open' | 'kept' | 'broken';
  brokenPromises: number;
  keptPromises: number;
  disputeOpen: boolean;
  disputedAmountMinor: number;
}

/** json-rules-engine's built-in operators: the only ones a strategy may use. */
export const RULE_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** The operators that make sense for each fact type, for the rule builder and the validator. */
export const OPERATORS_BY_TYPE: Readonly<Record<FactType, readonly RuleOperator[]>> = {
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
  // Dates are ISO strings: equality only; rules about time use the day-count facts.
  date: ['equal', 'notEqual'],
  list: ['contains', 'doesNotContain'],
};

/** The aging bucket of a number of days past due (the default buckets). */
export function bucketOf(daysPastDue: number): FactValues['currentBucket'] {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}
