import { kindExits, kindTitle, NODE_KINDS, type NodeKind } from '@recoup/domain';
import { assignSpec } from './kinds/assign.kind.tsx';
import { conditionSpec } from './kinds/condition.kind.tsx';
import { endSpec } from './kinds/end.kind.tsx';
import { escalateSpec } from './kinds/escalate.kind.tsx';
import { paymentPlanSpec } from './kinds/payment-plan.kind.tsx';
import { reminderSpec } from './kinds/reminder.kind.tsx';
import { startSpec } from './kinds/start.kind.tsx';
import { switchSpec } from './kinds/switch.kind.tsx';
import { tagSpec } from './kinds/tag.kind.tsx';
import { taskSpec } from './kinds/task.kind.tsx';
import { waitForEventSpec } from './kinds/wait-for-event.kind.tsx';
import { waitUntilWeekdaySpec } from './kinds/wait-until-weekday.kind.tsx';
import { waitSpec } from './kinds/wait.kind.tsx';
import type { KindVisuals, NodeRegistry, NodeSpec, PaletteGroup } from './node-spec.ts';

/** Every node kind the domain defines, with how the designer shows it: the one place a new kind is added here. */
const VISUALS: { [K in NodeKind]: KindVisuals<K> } = {
  start: startSpec,
  wait: waitSpec,
  'wait-for-event': waitForEventSpec,
  'wait-until-weekday': waitUntilWeekdaySpec,
  condition: conditionSpec,
  switch: switchSpec,
  reminder: reminderSpec,
  task: taskSpec,
  assign: assignSpec,
  tag: tagSpec,
  'payment-plan': paymentPlanSpec,
  escalate: escalateSpec,
  end: endSpec,
};

const withDomain = <K extends NodeKind>(visuals: KindVisuals<K>): NodeSpec<K> => ({
  ...visuals,
  title: kindTitle(visuals.kind),
  exits: (config) => kindExits(visuals.kind, config as never).map(({ handle, role }) => ({ handle, label: handle, tone: role })),
});

export const NODE_SPECS = Object.fromEntries(NODE_KINDS.map((kind) => [kind, withDomain(VISUALS[kind] as KindVisuals<NodeKind>)])) as NodeRegistry;

export const specOf = <K extends NodeKind>(kind: K): NodeSpec<K> => NODE_SPECS[kind] as NodeSpec<K>;

export const PALETTE_GROUPS: readonly PaletteGroup[] = ['Flow', 'Decide', 'Contact', 'People', 'Finish'];

/** The palette: every kind, in the domain's order, under its group. */
export const paletteByGroup = (): { group: PaletteGroup; specs: NodeSpec<NodeKind>[] }[] =>
  PALETTE_GROUPS.map((group) => ({
    group,
    specs: NODE_KINDS.map((kind) => NODE_SPECS[kind] as NodeSpec<NodeKind>).filter((spec) => spec.group === group),
  }));
