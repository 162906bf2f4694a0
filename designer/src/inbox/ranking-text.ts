import type { TaskPriorityView } from '@recoup/contracts';
import { formatMoney, isCurrency, money } from '@recoup/domain';

/** "1,250.00" style money for a decimal-string amount; the code when the currency is unknown to the app. */
export function moneyText(amount: { amountMinor: string; currency: string }): string {
  return isCurrency(amount.currency) ? formatMoney(money(BigInt(amount.amountMinor), amount.currency)) : `${amount.amountMinor} ${amount.currency}`;
}

/** Why a task ranks where it does: "overdue €1,250.00 · 38 days past due · predicted risk 720 (81 % likely late) · strategy: high". */
export function rankingText(ranking: TaskPriorityView): string {
  const { overdue, age, taskOverdue, risk, strategy } = ranking.parts;
  const parts = [
    overdue.amount.amountMinor === '0' ? 'nothing overdue' : `overdue ${moneyText(overdue.amount)}`,
    age.daysPastDue > 0 ? `${age.daysPastDue} day${age.daysPastDue === 1 ? '' : 's'} past due` : 'not past due',
  ];
  if (taskOverdue.hours > 0) parts.push(`task late by ${taskOverdue.hours >= 48 ? `${Math.floor(taskOverdue.hours / 24)} days` : `${taskOverdue.hours} h`}`);
  if (risk.score === null) parts.push('risk unknown');
  else if (risk.source === 'predicted') parts.push(`predicted risk ${risk.score}${risk.lateProbability === null ? '' : ` (${risk.lateProbability} % likely late)`}`);
  else parts.push(`imported risk ${risk.score}`);
  parts.push(`strategy: ${strategy.priority}`);
  return parts.join(' · ');
}

/** The default call result for an outcome: what usually happened on the line. */
export function defaultCallResult(outcome: string): 'conversation' | 'no-answer' | 'voicemail' | 'busy' | 'wrong-number' {
  if (outcome === 'no-contact') return 'no-answer';
  if (outcome === 'wrong-number') return 'wrong-number';
  if (outcome === 'call-back') return 'busy';
  return 'conversation';
}

/** What the payment model learned about the customer, in words, or null when it has nothing to say. */
export function predictionText(ranking: TaskPriorityView): string | null {
  const { risk } = ranking.parts;
  if (risk.source !== 'predicted' || risk.reason === null) return null;
  return risk.confidence === 'low' ? `${risk.reason} (little history: low confidence)` : risk.reason;
}
