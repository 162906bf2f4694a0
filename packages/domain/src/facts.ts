// The facts a strategy condition can test (v1). An activity loads them for the account; amounts are safe-integer
// numbers of minor units because json-rules-engine compares plain numbers.

export type FactType = 'number' | 'string' | 'boolean' | 'date';

export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  unit?: string;
}

export const FACTS = [
  {
    name: 'daysPastDue',
    type: 'number',
    unit: 'days',
    description: 'Days since the oldest open invoice fell due; 0 while nothing is overdue.',
  },
  {
    name: 'overdueAmountMinor',
    type: 'number',
    unit: 'minor units',
    description: 'Open amount of the invoices that are past due, in the account currency.',
  },
  {
    name: 'totalOpenMinor',
    type: 'number',
    unit: 'minor units',
    description: 'Open amount of all invoices, due or not, in the account currency.',
  },
  { name: 'openInvoiceCount', type: 'number', unit: 'invoices', description: 'Number of invoices still open.' },
  { name: 'customerType', type: 'string', description: "Either 'consumer' or 'business'." },
  { name: 'segment', type: 'string', description: "The account's segment, 'standard' unless set otherwise." },
  {
    name: 'riskScore',
    type: 'number',
    unit: 'points (0–1000)',
    description: 'Risk score from 0 (low) to 1000 (high); null when the account has none.',
  },
  {
    name: 'remindersSent',
    type: 'number',
    unit: 'reminders',
    description: 'Reminders already sent to the account in this collection run.',
  },
  { name: 'currency', type: 'string', description: 'ISO 4217 code of the account currency.' },
] as const satisfies readonly FactDefinition[];

export type FactName = (typeof FACTS)[number]['name'];

export const FACT_NAMES: readonly FactName[] = Object.freeze(FACTS.map((f) => f.name));

/** The values an activity hands to the rules engine. */
export interface FactValues {
  daysPastDue: number;
  overdueAmountMinor: number;
  totalOpenMinor: number;
  openInvoiceCount: number;
  customerType: 'consumer' | 'business';
  segment: string;
  riskScore: number | null;
  remindersSent: number;
  currency: string;
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
