import { useEffect } from 'react';

export interface EditorKeyActions {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  remove(): void;
  save(): void;
  selectAll(): void;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The editor's keyboard: the usual shortcuts, except while typing into a settings field. Listened for on the whole
 * window, because after a click on the empty canvas the focus is on the page body, not inside the editor.
 */
export function useEditorKeys(actions: EditorKeyActions, readOnly: boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && key === 's') return run(actions.save);
      // Copying text the user selected on the page stays the browser's.
      if (mod && key === 'c' && (window.getSelection()?.isCollapsed ?? true)) return run(actions.copy);
      if (mod && key === 'a') return run(actions.selectAll);
      if (readOnly) return;
      if (mod && key === 'z' && event.shiftKey) return run(actions.redo);
      if (mod && key === 'z') return run(actions.undo);
      if (mod && key === 'y') return run(actions.redo);
      if (mod && key === 'v') return run(actions.paste);
      if (!mod && (key === 'delete' || key === 'backspace')) return run(actions.remove);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, readOnly]);
}
