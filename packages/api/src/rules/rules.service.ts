import type { MikroORM } from '@mikro-orm/postgresql';
import { Account } from '@recoup/db';
import { FACT_NAMES, ruleProblems } from '@recoup/domain';
import type { RuleEvaluateRequest, RuleEvaluateResponse } from '@recoup/contracts';
import { AccountNotFoundError, evaluateConditionForAccount, RuleEngineError } from '@recoup/workflows/previews';
import { BusinessRuleError, NotFoundError } from '../errors.ts';

/**
 * Tests a rule of the designer against one account as a workflow would decide it now: the same checks as publishing
 * a strategy, the facts the activity loads and the json-rules-engine evaluation it runs.
 */
export class RulesService {
  readonly #orm: MikroORM;

  constructor(orm: MikroORM) {
    this.#orm = orm;
  }

  async evaluate(request: RuleEvaluateRequest, now = new Date()): Promise<RuleEvaluateResponse> {
    const problems = ruleProblems(request.condition, 'The rule', { facts: FACT_NAMES });
    if (problems.length > 0) {
      throw new BusinessRuleError('rule-invalid', problems.map((p) => p.message).join(' '), {
        problems: problems.map((p) => ({ code: p.code, message: p.message, path: `condition.${p.path}` })),
        fields: problems.map((p) => ({ in: 'body', path: `condition.${p.path}`, reason: p.message })),
      });
    }
    const em = this.#orm.em.fork();
    const account = await em.findOne(Account, { id: request.accountId });
    if (!account) throw new NotFoundError('account');
    try {
      const evaluated = await evaluateConditionForAccount(em, account.id, request.condition, now);
      return { ...evaluated, account: { id: account.id, name: account.name, externalRef: account.externalRef } };
    } catch (error) {
      // Deleted between the two reads: the same answer as if it had never been there.
      if (error instanceof AccountNotFoundError) throw new NotFoundError('account');
      if (error instanceof RuleEngineError) {
        throw new BusinessRuleError('rule-not-evaluable', error.message, {
          fields: [{ in: 'body', path: 'condition', reason: error.message }],
        });
      }
      throw error;
    }
  }
}
