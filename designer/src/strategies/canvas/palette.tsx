import type { DragEvent } from 'react';
import type { NodeKind } from '@recoup/domain';
import { paletteByGroup } from '../registry/registry.ts';

/** The drag format of a palette item: the node kind to add. */
export const PALETTE_MIME = 'application/x-recoup-node-kind';

interface PaletteProps {
  /** Adds a node without dragging (a click or Enter): placed in the middle of the view. */
  onAdd(kind: NodeKind): void;
}

export function Palette({ onAdd }: PaletteProps) {
  function startDrag(event: DragEvent<HTMLButtonElement>, kind: NodeKind) {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'move';
  }
  return (
    <nav className="palette" aria-label="Node palette">
      <p className="palette__hint">Drag a step onto the canvas, or click it to add it in the middle.</p>
      {paletteByGroup().map(({ group, specs }) => (
        <section key={group} className="palette__group">
          <h3 className="palette__title">{group}</h3>
          {specs.map((spec) => (
            <button
              key={spec.kind}
              type="button"
              className={`palette__item palette__item--${spec.group.toLowerCase()}`}
              draggable
              data-kind={spec.kind}
              title={spec.description}
              onDragStart={(event) => startDrag(event, spec.kind)}
              onClick={() => onAdd(spec.kind)}
            >
              <span className="palette__glyph" aria-hidden="true">
                {spec.glyph}
              </span>
              {spec.title}
            </button>
          ))}
        </section>
      ))}
    </nav>
  );
}
