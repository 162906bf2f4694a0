import type { ReminderChannel } from '@recoup/domain';
import { renderText } from '../render-template.ts';
import { WorkflowsError } from '../../errors.ts';
import { withPortalLink } from '../portal-link-text.ts';

/** Longest SMS we send: ten concatenated segments, which most providers accept as one message. */
export const SMS_MAX_CHARACTERS = 1_600;

export class SmsTooLongError extends WorkflowsError {
  override readonly name = 'SmsTooLongError';
  /** How many characters the rendered SMS has. */
  readonly characters: number;

  constructor(message: string, characters: number) {
    super('invalid', 'sms-too-long', message, { details: { characters } });
    this.characters = characters;
  }
}

export interface TemplateTexts {
  key: string;
  subject: string;
  bodyText: string;
  smsText?: string | null;
}

/**
 * What a template says on a channel. One template serves every channel, so a strategy names a template once:
 * e-mail, letter and webhook carry its subject and body text, an SMS only its short SMS text (or the body text
 * when it has none), since an SMS has no subject. An SMS over the limit is an error rather than a cut message:
 * a truncated reminder could drop the amount or the way to pay. With a portal link the text carries it (see
 * withPortalLink), and the limit counts it, since the link leaves with the text.
 */
export function renderForChannel(
  channel: ReminderChannel,
  template: TemplateTexts,
  view: Record<string, unknown>,
  portalUrl: string | null = null,
): { subject: string; text: string } {
  const linked = (text: string) => (portalUrl ? withPortalLink(text, portalUrl, channel) : text);
  switch (channel) {
    case 'sms': {
      const text = linked(renderText(template.smsText ?? template.bodyText, view).trim());
      const length = [...text].length;
      if (length > SMS_MAX_CHARACTERS) {
        throw new SmsTooLongError(
          `The SMS from template "${template.key}" is ${length} characters long, over the limit of ${SMS_MAX_CHARACTERS}; ` +
            `give the template a shorter SMS text.`,
          length,
        );
      }
      return { subject: '', text };
    }
    case 'email':
    case 'letter':
    case 'webhook':
      return { subject: renderText(template.subject, view), text: linked(renderText(template.bodyText, view)) };
  }
}
