// The email templates the default strategy uses. Bodies are mustache-style: {{account.name}}, {{amount}} (the
// formatted overdue amount), {{oldestDueDate}}, {{invoiceList}} (one line per open invoice) and {{optOutUrl}}.
// A reminder on another channel uses the same template: a letter prints subject and body, an SMS sends sms_text.

export interface EmailTemplate {
  key: string;
  channel: 'email';
  name: string;
  subject: string;
  /** Named like the template table's column, so seeding is a straight copy. */
  body_text: string;
  /** The short SMS version; null for templates that never go to a debtor. */
  sms_text: string | null;
  /** An e-mail from the template also carries the PDF letter with the open items and how to pay. */
  attach_letter: boolean;
}

const SIGN_OFF = `Kind regards,
Accounts Receivable`;

const FOOTER = `If you would rather not receive these reminders by email, you can opt out here: {{optOutUrl}}`;

export const DEFAULT_TEMPLATES: readonly EmailTemplate[] = Object.freeze([
  {
    key: 'pre-due',
    channel: 'email',
    name: 'Upcoming payment reminder',
    subject: 'Upcoming payment: {{amount}} due on {{oldestDueDate}}',
    body_text: `Dear {{account.name}},

This is a courtesy reminder that a payment of {{amount}} falls due on {{oldestDueDate}} for the following invoices:

{{invoiceList}}

If you have already arranged payment, thank you, and please disregard this message.

${SIGN_OFF}

${FOOTER}`,
    sms_text: '{{account.name}}: a payment of {{amount}} falls due on {{oldestDueDate}}. If you have already arranged it, thank you.',
    attach_letter: false,
  },
  {
    key: 'due-today',
    channel: 'email',
    name: 'Payment due today',
    subject: 'Payment of {{amount}} is due today',
    body_text: `Dear {{account.name}},

We would like to remind you that a payment of {{amount}} is due today, {{oldestDueDate}}, for the following invoices:

{{invoiceList}}

If payment is already on its way, thank you. Should you have any questions about these invoices, simply reply to this email.

${SIGN_OFF}

${FOOTER}`,
    sms_text: '{{account.name}}: a payment of {{amount}} is due today, {{oldestDueDate}}. If it is on its way, thank you.',
    attach_letter: false,
  },
  {
    key: 'overdue-7',
    channel: 'email',
    name: 'First overdue reminder',
    subject: 'Reminder: {{amount}} is now overdue',
    body_text: `Dear {{account.name}},

According to our records, a payment of {{amount}}, due on {{oldestDueDate}}, has not yet been received. The open invoices are:

{{invoiceList}}

We would be grateful if you could arrange payment at your earliest convenience. If you have already paid, please accept our thanks and let us know the payment details so that we can match it.

${SIGN_OFF}

${FOOTER}`,
    sms_text: '{{account.name}}: {{amount}}, due on {{oldestDueDate}}, has not been received yet. Please arrange payment soon.',
    attach_letter: false,
  },
  {
    key: 'overdue-14',
    channel: 'email',
    name: 'Second overdue reminder',
    subject: 'Second reminder: {{amount}} remains unpaid',
    body_text: `Dear {{account.name}},

We wrote to you recently about the overdue balance of {{amount}}, due since {{oldestDueDate}}, and have not yet received payment. The open invoices are:

{{invoiceList}}

Please arrange payment within the next seven days. If something prevents you from paying, or you believe an invoice is incorrect, please reply to this email so that we can find a solution together.

${SIGN_OFF}

${FOOTER}`,
    sms_text: '{{account.name}}: {{amount}} is still unpaid since {{oldestDueDate}}. Please pay within 7 days or contact us.',
    attach_letter: false,
  },
  {
    key: 'final-notice',
    channel: 'email',
    name: 'Final notice',
    subject: 'Final notice: overdue balance of {{amount}}',
    body_text: `Dear {{account.name}},

Despite our previous reminders, the balance of {{amount}}, overdue since {{oldestDueDate}}, remains unpaid. The open invoices are:

{{invoiceList}}

We ask you to settle this balance within fourteen days. If we do not receive payment or hear from you by then, we will have to refer the matter for further review, which we would much prefer to avoid.

If you are having difficulty paying, please contact us now: we are happy to discuss a payment plan.

${SIGN_OFF}

${FOOTER}`,
    sms_text: '{{account.name}}: final notice. {{amount}} is overdue since {{oldestDueDate}}. Please pay within 14 days or contact us about a payment plan.',
    attach_letter: true,
  },
  {
    key: 'escalation-manager',
    channel: 'email',
    name: 'Escalation to a manager',
    subject: 'Escalation: {{account.name}} owes {{amount}}',
    body_text: `Hello,

The account {{account.name}} has been escalated for your review. Its overdue balance is {{amount}}, with the oldest invoice due on {{oldestDueDate}}. The open invoices are:

{{invoiceList}}

All scheduled reminders have been sent. Please review the account and decide on the next step, for example a payment plan, a further call, or a referral.

Recoup`,
    sms_text: null,
    attach_letter: false,
  },
]);

export const DEFAULT_TEMPLATE_KEYS: readonly string[] = Object.freeze(DEFAULT_TEMPLATES.map((t) => t.key));
