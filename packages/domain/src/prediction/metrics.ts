// How good a payment prediction is, measured on invoices whose outcome is known. Every model is judged by these
// before it is used, and the same functions measure the baselines it is compared with.

/**
 * Area under the ROC curve: the chance that a random late invoice scores above a random punctual one (ties count
 * half). Null when one of the two classes is absent, since the area is then undefined.
 */
export function areaUnderRoc(scores: readonly number[], positives: readonly boolean[]): number | null {
  if (scores.length !== positives.length) throw new RangeError('areaUnderRoc: scores and labels differ in length');
  const ranked = scores.map((score, i) => ({ score, positive: positives[i]! })).sort((a, b) => a.score - b.score);
  let positiveRankSum = 0;
  let positiveCount = 0;
  for (let start = 0; start < ranked.length; ) {
    let end = start;
    while (end < ranked.length && ranked[end]!.score === ranked[start]!.score) end += 1;
    // Tied scores share the mean of their ranks (1-based).
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k += 1) {
      if (!ranked[k]!.positive) continue;
      positiveRankSum += rank;
      positiveCount += 1;
    }
    start = end;
  }
  const negativeCount = ranked.length - positiveCount;
  if (positiveCount === 0 || negativeCount === 0) return null;
  return (positiveRankSum - (positiveCount * (positiveCount + 1)) / 2) / (positiveCount * negativeCount);
}

/** Mean squared difference between predicted probabilities and what happened (1 or 0); lower is better. */
export function brierScore(probabilities: readonly number[], positives: readonly boolean[]): number | null {
  if (probabilities.length !== positives.length) throw new RangeError('brierScore: probabilities and labels differ in length');
  if (probabilities.length === 0) return null;
  return probabilities.reduce((sum, p, i) => sum + (p - (positives[i] ? 1 : 0)) ** 2, 0) / probabilities.length;
}

/** Mean absolute difference in days between predicted and actual days. */
export function meanAbsoluteError(predicted: readonly number[], actual: readonly number[]): number | null {
  if (predicted.length !== actual.length) throw new RangeError('meanAbsoluteError: predictions and outcomes differ in length');
  if (predicted.length === 0) return null;
  return predicted.reduce((sum, p, i) => sum + Math.abs(p - actual[i]!), 0) / predicted.length;
}

/** Share of actual values inside their predicted [low, high] interval, bounds included. */
export function intervalCoverage(intervals: readonly { low: number; high: number }[], actual: readonly number[]): number | null {
  if (intervals.length !== actual.length) throw new RangeError('intervalCoverage: intervals and outcomes differ in length');
  if (intervals.length === 0) return null;
  return intervals.filter((interval, i) => actual[i]! >= interval.low && actual[i]! <= interval.high).length / intervals.length;
}
