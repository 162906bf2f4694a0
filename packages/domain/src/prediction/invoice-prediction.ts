/** What the active payment model predicts for one open invoice, as stored for the facts, inbox and forecast. */
export interface InvoicePredictionValues {
  readonly invoiceId: string;
  /** Chance, 0–1, of payment after the due date, and more than 30 days after it. */
  readonly lateProbability: number;
  readonly veryLateProbability: number;
  /** Epoch days: the predicted payment day and its interval, none before the day scored. */
  readonly payDay: number;
  readonly payDayLow: number;
  readonly payDayHigh: number;
  /** Predicted days after the due date, 0 when predicted on time. */
  readonly daysLate: number;
  /** 'low' when the customer had too little history and the population model answered. */
  readonly confidence: 'normal' | 'low';
}
