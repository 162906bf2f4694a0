import { FACT_NAMES, validateStrategy, type Problem, type StrategyGraphInput } from '@recoup/domain';
import { exitsOfNode } from './connection-rules.ts';
import type { FlowDocument } from './flow-types.ts';

export interface ValidationView {
  problems: Problem[];
  byNode: Map<string, string[]>;
  edgeProblems: Set<string>;
  orphanExits: Map<string, string[]>;
  /** What is wrong with the debtor-portal policy, for its panel. */
  portalProblems: string[];
}

/**
 * Checks the drawing with the validator the server publishes with (the domain's), against the templates and
 * facts the server knows, so what the problems panel says is what a publish would say.
 */
export function validateDrawing(document: FlowDocument, graph: StrategyGraphInput, templateKeys: readonly string[] | null): ValidationView {
  const result = validateStrategy(graph, { facts: FACT_NAMES, ...(templateKeys ? { templates: templateKeys } : {}) });
  const problems = result.ok ? [] : result.problems;
  const byNode = new Map<string, string[]>();
  const edgeProblems = new Set<string>();
  const edgeSource = new Map(document.edges.map((edge) => [edge.id, edge.source]));
  for (const problem of problems) {
    const nodeId = problem.nodeId ?? (problem.edgeId ? edgeSource.get(problem.edgeId) : undefined);
    if (nodeId) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), problem.message]);
    if (problem.edgeId) edgeProblems.add(problem.edgeId);
  }
  const orphanExits = new Map<string, string[]>();
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  for (const edge of document.edges) {
    const source = nodes.get(edge.source);
    if (!source || exitsOfNode(source).some((exit) => exit.handle === edge.sourceHandle)) continue;
    orphanExits.set(source.id, [...(orphanExits.get(source.id) ?? []), edge.sourceHandle]);
    edgeProblems.add(edge.id);
  }
  const portalProblems = problems.filter((problem) => problem.code === 'invalid-portal-policy').map((problem) => problem.message);
  return { problems, byNode, edgeProblems, orphanExits, portalProblems };
}
