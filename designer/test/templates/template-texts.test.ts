import { describe, expect, it } from '@jest/globals';
import { DEFAULT_TEMPLATES } from '@recoup/domain';
import { EMPTY_FIELDS, missingFields, newTemplateOf, updateOf } from '../../src/templates/template-fields.ts';
import { checkTemplate, lacksOptOut } from '../../src/templates/template-placeholders.ts';
import type { Template } from '../../src/templates/templates.api.ts';

describe('template placeholders', () => {
  it('knows every placeholder the default templates use', () => {
    for (const template of DEFAULT_TEMPLATES) {
      for (const text of [template.subject, template.body_text, template.sms_text ?? '']) {
        expect(checkTemplate(text)).toEqual({ unknown: [], unclosed: false });
      }
    }
  });

  it('flags names that would render empty, but not inside sections, comments or partials', () => {
    expect(checkTemplate('{{amount}} {{ ammount }} {{{account.nmae}}} {{&amount}}').unknown).toEqual(['ammount', 'account.nmae']);
    expect(checkTemplate('{{#invoices}}{{number}}{{/invoices}}{{! note }}{{> footer}}').unknown).toEqual([]);
    expect(checkTemplate('{{^account.ref}}no ref{{/account.ref}} {{balance}}').unknown).toEqual(['balance']);
  });

  it('notices a tag left open', () => {
    expect(checkTemplate('Pay {{amount by Friday').unclosed).toBe(true);
    expect(checkTemplate('Pay {{amount}} by Friday').unclosed).toBe(false);
  });

  it('asks e-mails for an opt-out link', () => {
    expect(lacksOptOut('email', 'Pay now.')).toBe(true);
    expect(lacksOptOut('email', 'Opt out: {{ optOutUrl }}')).toBe(false);
    expect(lacksOptOut('letter', 'Pay now.')).toBe(false);
  });
});

describe('template fields', () => {
  const saved: Template = {
    id: 't',
    key: 'k',
    channel: 'email',
    name: 'Name',
    subject: 'Subject',
    bodyText: 'Body',
    smsText: 'Sms',
    attachLetter: false,
    updatedAt: '',
  };

  it('sends only the texts that changed, and null for an emptied SMS text', () => {
    const fields = { key: 'k', channel: 'email' as const, name: 'Name', subject: 'Subject', bodyText: 'Body', smsText: 'Sms', attachLetter: false };
    expect(updateOf(saved, fields)).toEqual({});
    expect(updateOf(saved, { ...fields, attachLetter: true })).toEqual({ attachLetter: true });
    expect(updateOf(saved, { ...fields, subject: 'New', smsText: '' })).toEqual({ subject: 'New', smsText: null });
    expect(updateOf({ ...saved, smsText: null }, { ...fields, smsText: '' })).toEqual({});
    expect(updateOf({ ...saved, smsText: null }, { ...fields, smsText: 'Short' })).toEqual({ smsText: 'Short' });
  });

  it('creates with a trimmed key, no SMS text when there is none, and the PDF letter only when asked', () => {
    expect(newTemplateOf({ ...EMPTY_FIELDS, key: 'final', name: 'Final', bodyText: 'Pay', attachLetter: true })).toMatchObject({ attachLetter: true });
    expect(newTemplateOf({ ...EMPTY_FIELDS, key: ' late ', name: 'Late', bodyText: 'Pay' })).toEqual({
      key: 'late',
      channel: 'email',
      name: 'Late',
      subject: '',
      bodyText: 'Pay',
    });
  });

  it('asks for key, name and body before creating', () => {
    expect(Object.keys(missingFields(EMPTY_FIELDS, true))).toEqual(['key', 'name', 'bodyText']);
    expect(Object.keys(missingFields(EMPTY_FIELDS, false))).toEqual(['name', 'bodyText']);
  });
});
