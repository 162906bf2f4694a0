// The values a reminder's template can use: what the delivery activity puts in the Mustache view (deliver-once.ts,
// templateView). Templates are plain text rendered without HTML escaping.

export interface Placeholder {
  name: string;
  description: string;
}

export const PLACEHOLDERS: readonly Placeholder[] = [
  { name: 'account.name', description: 'The debtor account’s name.' },
  { name: 'account.ref', description: 'The account’s reference in the billing system.' },
  { name: 'contactName', description: 'The name of the contact the reminder goes to.' },
  { name: 'amount', description: 'The total open amount, formatted with its currency.' },
  { name: 'overdueAmount', description: 'The overdue amount, formatted with its currency.' },
  { name: 'oldestDueDate', description: 'Due date of the oldest open invoice (YYYY-MM-DD).' },
  { name: 'daysPastDue', description: 'Days since the oldest open invoice fell due.' },
  { name: 'invoiceList', description: 'One line per open invoice: number, due date, open amount.' },
  { name: 'optOutUrl', description: 'The link that stops reminders on this channel.' },
  { name: 'accountUrl', description: 'The account in Recoup (for templates sent to staff).' },
];

const KNOWN = new Set(PLACEHOLDERS.map((placeholder) => placeholder.name));

export interface TemplateCheck {
  /** Names used outside sections that the view does not provide: they render as nothing. */
  unknown: string[];
  /** A "{{" with no "}}" after it. */
  unclosed: boolean;
}

/**
 * A quick look at a template while it is typed. The server's preview renders it for real and reports what
 * Mustache itself refuses; this only warns about names that would silently render empty.
 */
export function checkTemplate(text: string): TemplateCheck {
  const unknown: string[] = [];
  let depth = 0;
  const tag = /\{\{(\{?)\s*([#^/!>&]?)\s*([^}]*?)\s*\}?\}\}/g;
  for (const match of text.matchAll(tag)) {
    const [, , sigil = '', name = ''] = match;
    if (sigil === '!' || sigil === '>') continue;
    if (sigil === '#' || sigil === '^') {
      depth += 1;
      continue;
    }
    if (sigil === '/') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    // Inside a section names resolve against the section's own value first, so they cannot be judged here.
    if (depth === 0 && name !== '.' && !KNOWN.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  const withoutTags = text.replace(tag, '');
  return { unknown, unclosed: withoutTags.includes('{{') };
}

/** E-mails to debtors must offer a way to opt out (Reg F 12 CFR 1006.6(e)). */
export function lacksOptOut(channel: string, bodyText: string): boolean {
  return channel === 'email' && !/\{\{\s*optOutUrl\s*\}\}/.test(bodyText);
}
