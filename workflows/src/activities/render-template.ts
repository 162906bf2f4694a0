import Mustache from 'mustache';

/** Renders a plain-text template. Plain text: Mustache's HTML escaping would garble names like "Smith & Co". */
export function renderText(template: string, view: Record<string, unknown>): string {
  return Mustache.render(template, view, undefined, { escape: (value: unknown) => String(value) });
}
