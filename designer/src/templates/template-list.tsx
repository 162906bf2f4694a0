import type { Template } from './templates.api.ts';

interface TemplateListProps {
  templates: readonly Template[];
  selectedKey: string | null;
  unsaved: ReadonlySet<string>;
  onSelect(key: string): void;
}

export function TemplateList({ templates, selectedKey, unsaved, onSelect }: TemplateListProps) {
  if (templates.length === 0) return <p className="templates__empty">No templates yet.</p>;
  return (
    <ul className="template-list">
      {templates.map((template) => (
        <li key={template.key}>
          <button
            type="button"
            className="template-list__item"
            aria-current={template.key === selectedKey ? 'true' : undefined}
            onClick={() => onSelect(template.key)}
          >
            <span className="template-list__name">{template.name}</span>
            <span className="template-list__meta">
              <code>{template.key}</code> · {template.channel}
              {unsaved.has(template.key) ? <span className="template-list__unsaved"> · unsaved changes</span> : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
