import Mustache from 'mustache';
import { errorMessage } from '@recoup/domain';

/** Renders a plain-text template. Plain text: Mustache's HTML escaping would garble names like "Smith & Co". */
export function renderText(template: string, view: Record<string, unknown>): string {
  return Mustache.render(template, view, undefined, { escape: (value: unknown) => String(value) });
}

/**
 * Why Mustache cannot parse `template` (such as 'Unclosed section "paid" at 42'), or null when it can. Checked when a
 * template is saved, so a broken one is refused at the editor rather than failing the reminders that use it.
 */
export function templateSyntaxError(template: string): string | null {
  try {
    Mustache.parse(template);
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}
