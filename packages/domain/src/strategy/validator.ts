import type { z } from 'zod';
import {
  NODE_KINDS,
  strategyEdgeSchema,
  strategyGraphSchema,
  strategyNodeSchema,
  type NodeKind,
  type StrategyGraph,
  type StrategyNode,
} from './graph.ts';
import { conditionsOf, exitHandles, fixedHandles, needsWriteOffApproval } from './node-exits.ts';
import type { Problem } from './problems.ts';
import { ruleProblems } from './rule-problems.ts';
import type { KindDefinition } from './kinds/kind.ts';
import { kindDefinition, kindTitle } from './kinds/registry.ts';

export interface ValidateStrategyOptions {
  /** Template keys that exist; when given, reminders must use one of them. */
  templates?: ReadonlySet<string> | readonly string[];
  /** Fact names conditions may test; when given, every fact in every condition must be one of them. */
  facts?: readonly string[];
}

export type ValidationResult = { ok: true; graph: StrategyGraph } | { ok: false; problems: Problem[] };

// The graph rules run on whatever could be read, even when some nodes failed the schema, so that a manager sees
// every problem at once instead of fixing them one round-trip at a time. A node whose settings are invalid still
// takes part in the structural checks; only checks that need its settings are skipped.
interface ModelNode {
  id: string;
  kind: NodeKind | undefined;
  label: string | undefined;
  parsed: StrategyNode | undefined;
}

interface ModelEdge {
  id: string;
  source: string;
  target: string;
  handle: string;
}


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

function describeRaw(raw: unknown, index: number): { name: string; id: string | undefined } {
  if (!isRecord(raw)) return { name: `Node #${index + 1}`, id: undefined };
  const id = typeof raw.id === 'string' && raw.id.length > 0 ? raw.id : undefined;
  const label = typeof raw.label === 'string' && raw.label.length > 0 ? raw.label : undefined;
  const title = isNodeKind(raw.type) ? kindTitle(raw.type) : 'Node';
  const shown = label ?? id;
  return { name: shown ? `${title} "${shown}"` : `${title} #${index + 1}`, id };
}

function nameOf(node: ModelNode): string {
  return `${node.kind ? kindTitle(node.kind) : 'Node'} "${node.label ?? node.id}"`;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function issueText(issue: z.core.$ZodIssue, rest: PropertyKey[]): string {
  if (issue.code === 'invalid_union' && rest.includes('condition')) {
    return 'it is not a valid rule (expected {all: [...]}, {any: [...]}, {not: ...} or {fact, operator, value})';
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'a value is required';
  return issue.message;
}

/** A bound of the debtor-portal policy in a manager's words: "must be at most 24". */
function policyIssueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') {
    return issue.origin === 'array' ? `must list at most ${issue.maximum} entries` : `must be at most ${issue.maximum}`;
  }
  if (issue.code === 'too_small') {
    return issue.origin === 'array' ? `must list at least ${issue.minimum} entries` : `must be at least ${issue.minimum}`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.message.endsWith('received undefined')) return 'is required';
    const expected: Record<string, string> = { int: 'a whole number', number: 'a number', boolean: 'true or false', string: 'text', array: 'a list', object: 'an object' };
    return `must be ${expected[issue.expected] ?? issue.expected}`;
  }
  // The policy's own messages ("lists a currency twice") already read after the field's name.
  return issue.message;
}

function schemaProblems(input: unknown, error: z.ZodError): Problem[] {
  const doc = isRecord(input) ? input : {};
  const rawNodes = Array.isArray(doc.nodes) ? (doc.nodes as unknown[]) : [];
  const rawEdges = Array.isArray(doc.edges) ? (doc.edges as unknown[]) : [];
  return error.issues.map((issue): Problem => {
    const [section, index, ...rest] = issue.path;
    const where = rest.filter((p) => p !== 'data').map(String).join('.');
    if (section === 'nodes' && typeof index === 'number') {
      const { name, id } = describeRaw(rawNodes[index], index);
      const text = issueText(issue, rest);
      if (rest[0] === 'data') {
        const setting = where ? `the setting "${where}"` : 'its settings';
        return { nodeId: id, code: 'invalid-node-data', message: `${name} has an invalid value for ${setting}: ${text}.` };
      }
      const part = where ? ` (${where})` : '';
      return { nodeId: id, code: 'invalid-node', message: `${name} is malformed${part}: ${text}.` };
    }
    if (section === 'edges' && typeof index === 'number') {
      const raw = rawEdges[index];
      const id = isRecord(raw) && typeof raw.id === 'string' && raw.id.length > 0 ? raw.id : undefined;
      const name = id ? `Connection "${id}"` : `Connection #${index + 1}`;
      const part = where ? ` (${where})` : '';
      return { edgeId: id, code: 'invalid-edge', message: `${name} is malformed${part}: ${issue.message}.` };
    }
    if (section === 'portal') {
      return {
        code: 'invalid-portal-policy',
        message: `The debtor portal policy is invalid: ${issue.path.map(String).join('.')} ${policyIssueText(issue)}.`,
      };
    }
    const part = issue.path.length > 0 ? ` (${issue.path.map(String).join('.')})` : '';
    return { code: 'invalid-document', message: `The strategy document is malformed${part}: ${issue.message}.` };
  });
}

function readNodes(input: unknown): ModelNode[] {
  const raw = isRecord(input) && Array.isArray(input.nodes) ? (input.nodes as unknown[]) : [];
  const nodes: ModelNode[] = [];
  for (const item of raw) {
    const parsed = strategyNodeSchema.safeParse(item);
    if (parsed.success) {
      nodes.push({ id: parsed.data.id, kind: parsed.data.type, label: parsed.data.label || undefined, parsed: parsed.data });
    } else if (isRecord(item) && typeof item.id === 'string' && item.id.length > 0) {
      const label = typeof item.label === 'string' && item.label.length > 0 ? item.label : undefined;
      nodes.push({ id: item.id, kind: isNodeKind(item.type) ? item.type : undefined, label, parsed: undefined });
    }
  }
  return nodes;
}

function readEdges(input: unknown): ModelEdge[] {
  const raw = isRecord(input) && Array.isArray(input.edges) ? (input.edges as unknown[]) : [];
  const edges: ModelEdge[] = [];
  for (const item of raw) {
    const parsed = strategyEdgeSchema.safeParse(item);
    if (parsed.success) {
      const { id, source, target, sourceHandle } = parsed.data;
      edges.push({ id, source, target, handle: sourceHandle });
    }
  }
  return edges;
}

/**
 * The handles a node may use. A node whose settings failed the schema still has the fixed handles of its kind;
 * undefined when they depend on the settings (or the kind is unknown).
 */
function handlesOf(node: ModelNode): string[] | undefined {
  if (node.parsed) return exitHandles(node.parsed);
  return node.kind ? fixedHandles(node.kind) : undefined;
}

/**
 * Only a node that surely takes time pauses a loop: a wait with a positive duration, a wait-for-event with a
 * positive timeout, or a payment plan. A due-offset wait lets every later pass through at once.
 */
function pauses(node: ModelNode): boolean {
  if (!node.kind) return false;
  const pausesLoops = (kindDefinition(node.kind) as KindDefinition).pausesLoops;
  return pausesLoops !== undefined && pausesLoops(node.parsed?.data);
}

function reachable(from: string[], next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const target of next.get(id) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/** Strongly connected components (Tarjan), for finding loops. */
function components(ids: string[], next: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const target of next.get(id) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      result.push(component);
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return result;
}

function graphProblems(allNodes: ModelNode[], allEdges: ModelEdge[], options: ValidateStrategyOptions): Problem[] {
  const problems: Problem[] = [];

  const byId = new Map<string, ModelNode>();
  for (const node of allNodes) {
    if (byId.has(node.id)) {
      problems.push({
        nodeId: node.id,
        code: 'duplicate-node-id',
        message: `${nameOf(node)} uses the id "${node.id}", which another node already has; ids must be unique.`,
      });
    } else {
      byId.set(node.id, node);
    }
  }
  const nodes = [...byId.values()];

  const edgeIds = new Set<string>();
  const edges: ModelEdge[] = [];
  for (const edge of allEdges) {
    if (edgeIds.has(edge.id)) {
      problems.push({
        edgeId: edge.id,
        nodeId: edge.source,
        code: 'duplicate-edge-id',
        message: `Connection id "${edge.id}" is used more than once; connection ids must be unique.`,
      });
    }
    edgeIds.add(edge.id);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source) {
      problems.push({
        edgeId: edge.id,
        nodeId: target?.id,
        code: 'unknown-edge-source',
        message: `Connection "${edge.id}" starts at node "${edge.source}", which does not exist.`,
      });
    }
    if (!target) {
      problems.push({
        edgeId: edge.id,
        nodeId: source?.id,
        code: 'unknown-edge-target',
        message: `Connection "${edge.id}"${source ? ` from ${nameOf(source)}` : ''} leads to node "${edge.target}", which does not exist.`,
      });
    }
    if (source && target) edges.push(edge);
  }

  const starts = nodes.filter((n) => n.kind === 'start');
  if (starts.length === 0) {
    problems.push({ code: 'missing-start', message: 'The strategy has no start node; it needs exactly one.' });
  } else if (starts.length > 1) {
    for (const start of starts) {
      problems.push({
        nodeId: start.id,
        code: 'multiple-starts',
        message: `${nameOf(start)} is one of ${starts.length} start nodes; a strategy needs exactly one.`,
      });
    }
  }
  const ends = nodes.filter((n) => n.kind === 'end');
  if (nodes.length > 0 && ends.length === 0) {
    problems.push({ code: 'missing-end', message: 'The strategy has no end node, so no account could ever finish it.' });
  }

  const usedHandles = new Map<string, Set<string>>();
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    if (target.kind === 'start') {
      problems.push({
        nodeId: target.id,
        edgeId: edge.id,
        code: 'start-has-incoming',
        message: `${nameOf(target)} has an incoming connection from ${nameOf(source)}; nothing may lead back to the start.`,
      });
    }
    if (source.kind === 'end' && !(source.parsed && needsWriteOffApproval(source.parsed))) {
      problems.push({
        nodeId: source.id,
        edgeId: edge.id,
        code: 'end-has-outgoing',
        message: `${nameOf(source)} has an outgoing connection to ${nameOf(target)}; an end node finishes the run and cannot lead anywhere.`,
      });
      continue;
    }
    const allowed = handlesOf(source);
    if (allowed && !allowed.includes(edge.handle)) {
      const expected = allowed.map((h) => `"${h}"`).join(' or ');
      problems.push({
        nodeId: source.id,
        edgeId: edge.id,
        code: 'unknown-handle',
        message: `${nameOf(source)} has a connection on exit "${edge.handle}", which it does not have; it only has ${expected}.`,
      });
      continue;
    }
    const used = usedHandles.get(source.id) ?? new Set<string>();
    if (used.has(edge.handle)) {
      problems.push({
        nodeId: source.id,
        edgeId: edge.id,
        code: 'duplicate-handle',
        message: `${nameOf(source)} has more than one connection on exit "${edge.handle}"; each exit leads to exactly one node.`,
      });
      continue;
    }
    used.add(edge.handle);
    usedHandles.set(source.id, used);
  }

  for (const node of nodes) {
    for (const handle of handlesOf(node) ?? []) {
      if (usedHandles.get(node.id)?.has(handle)) continue;
      const exit =
        node.kind === 'task' || node.kind === 'switch' ? `outcome "${handle}"` : handle === 'next' ? 'its exit' : `exit "${handle}"`;
      problems.push({
        nodeId: node.id,
        code: 'missing-handle',
        message: `${nameOf(node)} has no connection for ${exit}, so an account arriving there would be stuck.`,
      });
    }
  }

  const next = new Map<string, string[]>();
  const previous = new Map<string, string[]>();
  for (const edge of edges) {
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
    previous.set(edge.target, [...(previous.get(edge.target) ?? []), edge.source]);
  }

  const fromStart = starts.length > 0 ? reachable(starts.map((s) => s.id), next) : undefined;
  if (fromStart) {
    for (const node of nodes) {
      if (fromStart.has(node.id)) continue;
      problems.push({
        nodeId: node.id,
        code: 'unreachable-node',
        message: `${nameOf(node)} cannot be reached from the start, so no account would ever get there.`,
      });
    }
  }

  if (ends.length > 0) {
    const toEnd = reachable(ends.map((e) => e.id), previous);
    for (const node of nodes) {
      // An unreachable node is already reported; saying it also cannot finish would be noise.
      if (toEnd.has(node.id) || (fromStart && !fromStart.has(node.id))) continue;
      problems.push({
        nodeId: node.id,
        code: 'no-path-to-end',
        message: `${nameOf(node)} has no path to an end node, so an account arriving there could never finish.`,
      });
    }
  }

  const pausing = new Set(nodes.filter(pauses).map((n) => n.id));
  const loopEdges = new Map<string, string[]>();
  for (const edge of edges) {
    if (pausing.has(edge.source) || pausing.has(edge.target)) continue;
    loopEdges.set(edge.source, [...(loopEdges.get(edge.source) ?? []), edge.target]);
  }
  const order = nodes.map((n) => n.id);
  for (const component of components(order, loopEdges)) {
    const only = component[0];
    const isLoop = component.length > 1 || (only !== undefined && (loopEdges.get(only) ?? []).includes(only));
    if (!isLoop) continue;
    const members = order.filter((id) => component.includes(id));
    const names = members.map((id) => {
      const node = byId.get(id);
      return node ? nameOf(node) : id;
    });
    problems.push({
      nodeId: members[0],
      code: 'wait-free-cycle',
      message: `The loop through ${listNames(names)} has no wait with a duration, so it would repeat without pause.`,
    });
  }

  const templates = options.templates ? new Set<string>(options.templates) : undefined;
  for (const node of nodes) {
    const parsed = node.parsed;
    if (!parsed) continue;
    if (parsed.type === 'reminder' && templates && !templates.has(parsed.data.template)) {
      problems.push({
        nodeId: node.id,
        code: 'unknown-template',
        message: `${nameOf(node)} uses the email template "${parsed.data.template}", which does not exist.`,
      });
    }
    for (const condition of conditionsOf(parsed)) {
      for (const problem of ruleProblems(condition, nameOf(node), { facts: options.facts })) {
        problems.push({ nodeId: node.id, code: problem.code, message: problem.message });
      }
    }
    const outcomes =
      parsed.type === 'task' ? parsed.data.outcomes : parsed.type === 'switch' ? parsed.data.rules.map((r) => r.outcome) : [];
    {
      const seen = new Set<string>();
      const reported = new Set<string>();
      for (const outcome of outcomes) {
        if (seen.has(outcome) && !reported.has(outcome)) {
          reported.add(outcome);
          problems.push({
            nodeId: node.id,
            code: 'duplicate-task-outcome',
            message: `${nameOf(node)} lists the outcome "${outcome}" more than once; outcomes must be distinct.`,
          });
        }
        seen.add(outcome);
      }
    }
  }

  return problems;
}

/**
 * Checks a strategy document and returns every problem found, not only the first: schema problems first, then
 * the graph rules, each with a stable code. On success the graph is returned with schema defaults applied.
 */
export function validateStrategy(graphInput: unknown, options: ValidateStrategyOptions = {}): ValidationResult {
  if (!isRecord(graphInput) || !Array.isArray(graphInput.nodes) || !Array.isArray(graphInput.edges)) {
    return {
      ok: false,
      problems: [
        { code: 'invalid-document', message: 'The strategy document must be an object with a "nodes" list and an "edges" list.' },
      ],
    };
  }
  const parsed = strategyGraphSchema.safeParse(graphInput);
  const problems = [
    ...(parsed.success ? [] : schemaProblems(graphInput, parsed.error)),
    ...graphProblems(readNodes(graphInput), readEdges(graphInput), options),
  ];
  if (parsed.success && problems.length === 0) return { ok: true, graph: parsed.data };
  return { ok: false, problems };
}
