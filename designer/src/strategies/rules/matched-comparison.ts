import { operatorLabel } from './operator-labels.ts';

// The evaluate-condition activity words a comparison that held as `<fact> <operator> <value JSON> (was <fact
// JSON>)`; the test box reads that back in the builder's words. Anything else is shown as it came.
const MATCHED = /^(\S+) (\S+) (.+) \(was (.*)\)$/s;

export interface MatchedComparison {
  fact: string;
  text: string;
}

export function describeMatched(line: string): MatchedComparison {
  const match = MATCHED.exec(line);
  if (!match) return { fact: '', text: line };
  const [, fact = '', operator = '', value = '', was = ''] = match;
  return { fact, text: `${fact} ${operatorLabel(operator)} ${value} (was ${was})` };
}
