import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_STRATEGY,
  DEFAULT_TEMPLATES,
  DEFAULT_TEMPLATE_KEYS,
  FACT_NAMES,
  startState,
  step,
  validateStrategy,
  type EngineCommand,
  type EngineEvent,
  type EngineState,
} from '../src/index.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-01T00:00:00.000Z');

describe('default strategy', () => {
  it('is named "Standard dunning" and passes validation with the default templates and facts', () => {
    expect(DEFAULT_STRATEGY.name).toBe('Standard dunning');
    const result = validateStrategy(DEFAULT_STRATEGY.graph, { templates: DEFAULT_TEMPLATE_KEYS, facts: FACT_NAMES });
    expect(result).toEqual({ ok: true, graph: DEFAULT_STRATEGY.graph });
  });

  it('gives every node a label and lays the nodes out from top to bottom', () => {
    const { nodes, edges } = DEFAULT_STRATEGY.graph;
    for (const node of nodes) expect(node.label?.length).toBeGreaterThan(0);
    const y = new Map(nodes.map((n) => [n.id, n.position.y]));
    for (const edge of edges) expect(y.get(edge.target) ?? 0).toBeGreaterThan(y.get(edge.source) ?? 0);
  });

  it('cannot be changed by a caller', () => {
    expect(() => {
      (DEFAULT_STRATEGY.graph.nodes as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('default templates', () => {
  it('provides the six templates the default strategy uses', () => {
    expect([...DEFAULT_TEMPLATE_KEYS].sort()).toEqual(
      ['due-today', 'escalation-manager', 'final-notice', 'overdue-14', 'overdue-7', 'pre-due'].sort(),
    );
    const used = DEFAULT_STRATEGY.graph.nodes.flatMap((n) => (n.type === 'reminder' ? [n.data.template] : []));
    for (const key of used) expect(DEFAULT_TEMPLATE_KEYS).toContain(key);
  });

  it('uses only the documented placeholders, and the customer ones offer an opt-out', () => {
    const allowed = new Set(['account.name', 'amount', 'oldestDueDate', 'invoiceList', 'optOutUrl']);
    for (const template of DEFAULT_TEMPLATES) {
      const placeholders = [...`${template.subject}\n${template.body_text}`.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map(
        (m) => m[1],
      );
      for (const name of placeholders) expect(allowed).toContain(name);
      expect(template.body_text).toContain('{{amount}}');
      expect(template.body_text).toContain('{{invoiceList}}');
      if (template.key !== 'escalation-manager') {
        expect(template.body_text).toContain('{{account.name}}');
        expect(template.body_text).toContain('{{optOutUrl}}');
      }
    }
  });

  it('gives every customer template a short SMS text with only the short placeholders', () => {
    const allowed = new Set(['account.name', 'amount', 'oldestDueDate']);
    for (const template of DEFAULT_TEMPLATES) {
      if (template.key === 'escalation-manager') {
        expect(template.sms_text).toBeNull();
        continue;
      }
      const text = template.sms_text ?? '';
      expect(text).toContain('{{amount}}');
      // One SMS segment of 160 characters leaves room for the name and the amount.
      expect(text.length).toBeLessThanOrEqual(140);
      for (const [, name] of text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) expect(allowed).toContain(name);
    }
  });
});

describe('walking the default strategy', () => {
  it('reminds on days 2, 5 and 12, calls on day 19, sends the final notice on day 35 and escalates on day 50', () => {
    const graph = DEFAULT_STRATEGY.graph;
    const dayOf = (time: number) => Math.floor((time - T0) / DAY);
    const account = { balanceMinor: '25000', currency: 'EUR', oldestDueAt: new Date(T0 + 5 * DAY).toISOString() };
    const log: [number, string][] = [];
    const describeCommand = (c: EngineCommand): string => {
      switch (c.type) {
        case 'wait-until':
          return `wait-until day ${dayOf(Date.parse(c.input.until))}`;
        case 'evaluate-condition':
          return `evaluate-condition ${c.nodeId}`;
        case 'send-reminder':
          return `send-reminder ${c.input.template}`;
        case 'create-task':
          return `create-task ${c.input.taskType}`;
        case 'escalate':
          return `escalate ${c.input.action}`;
        case 'complete':
          return `complete ${c.input.outcome}`;
        case 'evaluate-switch':
        case 'assign-collector':
        case 'set-tags':
        case 'create-payment-plan':
        case 'check-promise':
          throw new Error(`The default strategy has no step that asks for ${c.type}.`);
      }
    };

    let now = T0;
    let timerAt: number | undefined;
    let finished = false;
    const events: EngineEvent[] = [];

    const apply = (commands: EngineCommand[]) => {
      for (const c of commands) {
        log.push([dayOf(now), describeCommand(c)]);
        switch (c.type) {
          case 'wait-until':
            timerAt = Date.parse(c.input.until);
            break;
          case 'evaluate-condition':
            events.push({ type: 'condition-evaluated', nodeId: c.nodeId, result: true, matched: ['overdueAmountMinor'] });
            break;
          case 'send-reminder':
          case 'escalate':
            events.push({ type: 'action-done', nodeId: c.nodeId });
            break;
          case 'create-task':
            events.push({ type: 'task-completed', taskKey: c.key, outcome: 'no-contact' });
            break;
          case 'complete':
            finished = true;
            break;
          case 'evaluate-switch':
          case 'assign-collector':
          case 'set-tags':
          case 'create-payment-plan':
          case 'check-promise':
            throw new Error(`The default strategy has no step that asks for ${c.type}.`);
        }
      }
    };

    const started = startState(graph, account, new Date(now));
    let state: EngineState = started.state;
    apply(started.commands);
    while (!finished && now <= T0 + 60 * DAY) {
      const event = events.shift();
      if (event) {
        const result = step(graph, state, event, new Date(now));
        state = result.state;
        apply(result.commands);
        continue;
      }
      if (timerAt === undefined) break;
      now = timerAt;
      timerAt = undefined;
      const result = step(graph, state, { type: 'timer-fired' }, new Date(now));
      state = result.state;
      apply(result.commands);
    }

    expect(log).toEqual([
      [0, 'wait-until day 2'],
      [2, 'send-reminder pre-due'],
      [2, 'wait-until day 5'],
      [5, 'send-reminder due-today'],
      [5, 'wait-until day 12'],
      [12, 'send-reminder overdue-7'],
      [12, 'wait-until day 19'],
      [19, 'evaluate-condition check-call-threshold'],
      [19, 'create-task call'],
      [19, 'wait-until day 35'],
      [35, 'send-reminder final-notice'],
      [35, 'wait-until day 50'],
      [50, 'escalate manager-review'],
      [50, 'complete completed'],
    ]);
    expect(state.status).toBe('ended');
    expect(state.outcome).toBe('completed');
  });
});
