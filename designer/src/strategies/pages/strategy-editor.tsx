import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ChangeEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useReactFlow } from '@xyflow/react';
import type { NodeKind, Problem, StrategyGraphInput } from '@recoup/domain';
import type { StrategyProblem, StrategyView } from '@recoup/contracts';
import { useApi } from '../../api/api-context.ts';
import { ApiError } from '../../api/api-error.ts';
import { listVersions, publishStrategy, saveDraft, STRATEGIES_KEY, strategyKey } from '../api/strategies.api.ts';
import { DecorationsContext, type CanvasDecorations, type DiffMark } from '../canvas/decorations.ts';
import { Palette } from '../canvas/palette.tsx';
import { StrategyCanvas } from '../canvas/strategy-canvas.tsx';
import { copySelection, type Clipboard } from '../model/clipboard.ts';
import { canonicalJson, errorMessage } from '@recoup/domain';
import { editorReducer, initialEditorState } from '../model/editor-state.ts';
import type { FlowDocument, StrategyFlowNode } from '../model/flow-types.ts';
import { toFlow, toGraph } from '../model/graph-convert.ts';
import { downloadText, fileNameFor, readStrategyFile, writeStrategyFile } from '../model/strategy-file.ts';
import { validateDrawing } from '../model/validation.ts';
import { AssignPanel } from '../panels/assign-panel.tsx';
import { PortalPanel } from '../panels/portal-panel.tsx';
import { ProblemsPanel } from '../panels/problems-panel.tsx';
import { SettingsPanel } from '../panels/settings-panel.tsx';
import { SimulationPanel } from '../panels/simulation-panel.tsx';
import { VersionsPanel, type ComparedView } from '../panels/versions-panel.tsx';
import type { FactsRegistry, TemplateChoice } from '../registry/node-spec.ts';
import { useEditorKeys } from './use-editor-keys.ts';
import { LIVE_REFRESH_MS, useLiveCounts } from './use-live-counts.ts';

type Tab = 'settings' | 'versions' | 'simulate' | 'assign' | 'portal';

interface StrategyEditorProps {
  strategy: StrategyView;
  facts: FactsRegistry | null;
  templates: readonly TemplateChoice[] | null;
  readOnly: boolean;
}

type Notice = { tone: 'ok' | 'error'; text: string } | null;

export function StrategyEditor({ strategy, facts, templates, readOnly }: StrategyEditorProps) {
  const api = useApi();
  const queries = useQueryClient();
  const flow = useReactFlow();
  const [state, dispatch] = useReducer(editorReducer, strategy.draft, (draft) => initialEditorState(toFlow(draft)));
  const doc = state.history.present;
  const [tab, setTab] = useState<Tab>('settings');
  const [notice, setNotice] = useState<Notice>(null);
  const [savedJson, setSavedJson] = useState(() => canonicalJson(toGraph(toFlow(strategy.draft))));
  const [compared, setCompared] = useState<ComparedView | null>(null);
  const [path, setPath] = useState<ReadonlyMap<string, readonly number[]> | null>(null);
  const [liveOn, setLiveOn] = useState(false);
  const versionsKey = ['strategy-versions', strategy.id];
  const versions = useQuery({ queryKey: versionsKey, queryFn: ({ signal }) => listVersions(api, strategy.id, signal) }).data ?? [];
  const saving = useMutation({
    mutationFn: (draft: StrategyGraphInput) => saveDraft(api, strategy.id, { draft }),
    onSuccess: (saved) => {
      queries.setQueryData<StrategyView>(strategyKey(strategy.id), (current) => (current ? { ...current, ...saved } : saved));
      void queries.invalidateQueries({ queryKey: STRATEGIES_KEY });
    },
  });
  const publishing = useMutation({
    mutationFn: () => publishStrategy(api, strategy.id),
    // Awaited, so the toolbar names the new version by the time the notice says it is published.
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: versionsKey }), queries.invalidateQueries({ queryKey: STRATEGIES_KEY })]),
  });
  const busy = saving.isPending ? 'saving' : publishing.isPending ? 'publishing' : null;
  // The server's own problems from the last refused publish, shown while the drawing itself has none.
  const serverProblems = publishing.error ? problemsOf(publishing.error) : null;
  const clipboard = useRef<Clipboard | null>(null);
  const importInput = useRef<HTMLInputElement>(null);

  const graph = useMemo(() => toGraph(doc), [doc]);
  // Positions do not change what the validator says; validating only when something else changed keeps a drag smooth.
  const structureKey = useMemo(
    () => canonicalJson({ nodes: graph.nodes.map(({ position: _p, ...rest }) => rest), edges: graph.edges, portal: graph.portal }),
    [graph],
  );
  const graphJson = useMemo(() => canonicalJson(graph), [graph]);
  const dirty = graphJson !== savedJson;
  const templateKeys = useMemo(() => (templates ? templates.map((t) => t.key) : null), [templates]);
  // structureKey stands for everything the validator reads from doc and graph.
  const validation = useMemo(() => validateDrawing(doc, graph, templateKeys), [structureKey, templateKeys]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    if (!dirty || readOnly) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, readOnly]);

  const latest = versions[0] ?? null;
  const liveCounts = useLiveCounts(latest, liveOn);
  const live = liveCounts.data ?? null;

  const shown: FlowDocument = compared ? compared.document : doc;
  const editable = !readOnly && !compared;

  const decorations: CanvasDecorations = useMemo(
    () => ({
      problems: compared ? new Map() : validation.byNode,
      edgeProblems: compared ? new Set() : validation.edgeProblems,
      orphanExits: compared ? new Map() : validation.orphanExits,
      diff: compared ? (compared.marks as ReadonlyMap<string, DiffMark>) : null,
      path: compared ? null : path,
      live: liveOn && live && !compared ? live.counts : null,
    }),
    [compared, validation, path, live, liveOn],
  );

  const selected = doc.nodes.filter((node) => node.selected);
  const selectedNode = selected.length === 1 ? (selected[0] ?? null) : null;

  const focusNode = useCallback(
    (nodeId: string) => {
      dispatch({ type: 'select-only', nodeIds: [nodeId] });
      setTab('settings');
      const node = flow.getNode(nodeId);
      if (node) {
        const width = node.measured?.width ?? 220;
        const height = node.measured?.height ?? 72;
        void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(flow.getZoom(), 1), duration: motionMs(300) });
      }
    },
    [flow],
  );

  function focusProblem(problem: Problem) {
    if (problem.code === 'invalid-portal-policy') {
      setCompared(null);
      setTab('portal');
      return;
    }
    const nodeId = problem.nodeId ?? doc.edges.find((edge) => edge.id === problem.edgeId)?.source;
    if (nodeId) focusNode(nodeId);
  }

  async function save(): Promise<boolean> {
    if (readOnly) return false;
    setNotice(null);
    try {
      await saving.mutateAsync(graph);
      setSavedJson(graphJson);
      setNotice({ tone: 'ok', text: 'Draft saved.' });
      return true;
    } catch (error) {
      setNotice({ tone: 'error', text: `Saving failed: ${messageOf(error)}` });
      return false;
    }
  }

  async function publish() {
    if (!(await save())) return;
    try {
      const version = await publishing.mutateAsync();
      setNotice({ tone: 'ok', text: `Published version ${version.version}. Assign it to a segment to put it to work.` });
    } catch (error) {
      setNotice({ tone: 'error', text: `Publishing refused: ${messageOf(error)}` });
    }
  }

  function exportFile() {
    downloadText(fileNameFor(strategy.name), writeStrategyFile({ name: strategy.name, description: strategy.description, graph }));
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const content = readStrategyFile(await file.text(), file.name);
      dispatch({ type: 'load', document: toFlow(content.graph), asStep: true });
      setNotice({ tone: 'ok', text: `Imported ${file.name} into the draft. Undo (Ctrl+Z) brings the previous drawing back.` });
      window.requestAnimationFrame(() => void flow.fitView({ duration: motionMs(200) }));
    } catch (error) {
      setNotice({ tone: 'error', text: messageOf(error) });
    }
  }

  function addInMiddle(kind: NodeKind) {
    const bounds = document.querySelector('.editor__canvas')?.getBoundingClientRect();
    const centre = bounds ? { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 } : { x: 400, y: 300 };
    dispatch({ type: 'add-node', kind, position: flow.screenToFlowPosition(centre) });
  }

  useEditorKeys(
    useMemo(
      () => ({
        undo: () => dispatch({ type: 'undo' }),
        redo: () => dispatch({ type: 'redo' }),
        copy: () => {
          clipboard.current = copySelection(doc) ?? clipboard.current;
        },
        paste: () => {
          if (clipboard.current) dispatch({ type: 'paste', clipboard: clipboard.current });
        },
        remove: () => dispatch({ type: 'delete-selection' }),
        save: () => void save(),
        selectAll: () => dispatch({ type: 'select-all' }),
      }),
      // save reads the current graph through the closure.
      [doc, graph],
    ),
    !editable,
  );

  const nodeLabel = (nodeId: string) => {
    const node = doc.nodes.find((candidate) => candidate.id === nodeId);
    return node?.data.label ?? nodeId;
  };

  return (
    <div className="editor">
      <div className="editor__toolbar" role="toolbar" aria-label="Strategy actions">
        <div className="editor__name">
          <h1 className="editor__title">{strategy.name}</h1>
          <span className={`editor__state ${dirty ? 'editor__state--dirty' : ''}`}>
            {readOnly ? 'Read only' : dirty ? 'Unsaved changes' : 'Saved'}
            {latest ? ` · latest published v${latest.version}` : ' · never published'}
          </span>
        </div>
        {!readOnly ? (
          <>
            <button type="button" className="button" onClick={() => dispatch({ type: 'undo' })} disabled={!editable || state.history.past.length === 0} title="Undo (Ctrl+Z)">
              Undo
            </button>
            <button type="button" className="button" onClick={() => dispatch({ type: 'redo' })} disabled={!editable || state.history.future.length === 0} title="Redo (Ctrl+Shift+Z)">
              Redo
            </button>
            <button type="button" className="button" onClick={() => dispatch({ type: 'auto-layout' })} disabled={!editable} title="Arrange top to bottom (only the selection when several nodes are selected)">
              Auto-layout
            </button>
            <button type="button" className="button" onClick={() => void save()} disabled={busy !== null || !dirty || !editable}>
              {busy === 'saving' ? 'Saving…' : 'Save draft'}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void publish()}
              disabled={busy !== null || validation.problems.length > 0 || !editable}
              title={validation.problems.length > 0 ? 'Fix the problems listed below first' : 'Freeze this draft as the next version'}
            >
              {busy === 'publishing' ? 'Publishing…' : 'Publish'}
            </button>
          </>
        ) : null}
        <button type="button" className="button" onClick={exportFile}>
          Export JSON
        </button>
        {!readOnly ? (
          <>
            <button type="button" className="button" onClick={() => importInput.current?.click()} disabled={!editable}>
              Import JSON
            </button>
            <input ref={importInput} type="file" accept="application/json,.json" hidden aria-label="Strategy file to import" onChange={(event) => void importFile(event)} />
          </>
        ) : null}
        <button
          type="button"
          className={`button ${liveOn ? 'button--active' : ''}`}
          aria-pressed={liveOn}
          onClick={() => setLiveOn((on) => !on)}
          disabled={!latest}
          title={latest ? `Show how many accounts sit at each node of v${latest.version} now` : 'Publish a version first'}
        >
          Live counts
        </button>
      </div>
      {notice ? (
        <p className={`editor__notice editor__notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {liveOn && liveCounts.isError ? (
        <p className="editor__notice editor__notice--error" role="alert">
          Live counts: {messageOf(liveCounts.error)}
        </p>
      ) : null}
      {liveOn && live ? (
        <p className="editor__notice editor__notice--info" role="status">
          Live: {live.running} running account(s) on v{live.version.version}, refreshed every {LIVE_REFRESH_MS / 1000} s.
        </p>
      ) : null}
      {compared ? (
        <p className="editor__notice editor__notice--info" role="status">
          Comparing {compared.title}. <span className="legend legend--added">added</span> <span className="legend legend--changed">changed</span>{' '}
          <span className="legend legend--removed">removed</span>{' '}
          <button type="button" className="button button--small" onClick={() => setCompared(null)}>
            Back to the draft
          </button>
        </p>
      ) : null}
      <div className="editor__body">
        {editable ? <Palette onAdd={addInMiddle} /> : null}
        <div className="editor__canvas">
          <DecorationsContext.Provider value={decorations}>
            <StrategyCanvas document={shown} dispatch={dispatch} readOnly={!editable} />
          </DecorationsContext.Provider>
        </div>
        <aside className="editor__side">
          <div className="tabs" role="tablist">
            {(['settings', 'versions', 'simulate', 'assign', 'portal'] as const).map((name) => (
              <button key={name} type="button" role="tab" aria-selected={tab === name} className="tabs__tab" onClick={() => setTab(name)}>
                {TAB_TITLES[name]}
              </button>
            ))}
          </div>
          <div className="editor__panel" role="tabpanel">
            {tab === 'settings' ? (
              <SettingsPanel
                node={selectedNode as StrategyFlowNode | null}
                selectedCount={selected.length}
                readOnly={!editable}
                problems={selectedNode ? (validation.byNode.get(selectedNode.id) ?? []) : []}
                context={{ templates: templates ?? [], facts }}
                onConfig={(id, config) => dispatch({ type: 'edit-node', id, config, at: Date.now() })}
                onLabel={(id, label) => dispatch({ type: 'edit-node', id, label, at: Date.now() })}
              />
            ) : null}
            {tab === 'versions' ? (
              <VersionsPanel versions={versions} draft={graph} compared={compared} onCompare={setCompared} />
            ) : null}
            {tab === 'simulate' ? (
              <SimulationPanel graph={graph} draftValid={validation.problems.length === 0} versions={versions} onPath={setPath} readOnly={readOnly} />
            ) : null}
            {tab === 'assign' ? <AssignPanel strategyId={strategy.id} versions={versions} readOnly={readOnly} /> : null}
            {tab === 'portal' ? (
              <PortalPanel
                portal={shown.portal}
                readOnly={!editable}
                note={compared ? `Comparing ${compared.title}: this is the policy on the right of the arrow, read only.` : null}
                problems={compared ? [] : validation.portalProblems}
                onChange={(portal, field) => dispatch({ type: 'edit-portal', portal, field, at: Date.now() })}
              />
            ) : null}
          </div>
        </aside>
      </div>
      <ProblemsPanel problems={serverProblems && validation.problems.length === 0 ? (serverProblems as Problem[]) : validation.problems} onFocus={focusProblem} nodeLabel={nodeLabel} />
    </div>
  );
}

const TAB_TITLES: Record<Tab, string> = { settings: 'Settings', versions: 'Versions', simulate: 'Simulate', assign: 'Assign', portal: 'Debtor portal' };

function messageOf(error: unknown): string {
  return errorMessage(error);
}

function problemsOf(error: unknown): StrategyProblem[] | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { problems?: StrategyProblem[] } | undefined;
  return Array.isArray(details?.problems) ? details.problems : null;
}

/** How long a view animation lasts: not at all for someone who asked their system for reduced motion. */
function motionMs(ms: number): number {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}
