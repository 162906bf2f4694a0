import { describe, expect, it } from '@jest/globals';
import { renderForChannel, SMS_MAX_CHARACTERS, SmsTooLongError } from '../../workflows/src/activities/channels/reminder-content.ts';

const PORTAL_URL = 'https://collect.example/portal/#t=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz';
const template = (smsText: string) => ({ key: 'nudge', subject: 'About {{name}}', bodyText: 'Dear {{name}}, please pay.', smsText });

describe('a reminder’s text on its channel', () => {
  it('counts the portal link in the SMS limit, so a text that fits alone but not with its link is refused', () => {
    const fitsAlone = 'x'.repeat(SMS_MAX_CHARACTERS - 10);
    expect(renderForChannel('sms', template(fitsAlone), {}).text).toHaveLength(SMS_MAX_CHARACTERS - 10);
    expect(() => renderForChannel('sms', template(fitsAlone), {}, PORTAL_URL)).toThrow(SmsTooLongError);
    expect(() => renderForChannel('sms', template(fitsAlone), {}, PORTAL_URL)).toThrow(
      `is ${SMS_MAX_CHARACTERS - 10 + 1 + PORTAL_URL.length} characters long`,
    );
  });

  it('puts the bare link after the last word of an SMS and a sentence with the link under an e-mail', () => {
    expect(renderForChannel('sms', template('Pay {{name}} now. '), { name: 'Ada' }, PORTAL_URL).text).toBe(`Pay Ada now. ${PORTAL_URL}`);
    const mail = renderForChannel('email', template(''), { name: 'Ada' }, PORTAL_URL);
    expect(mail.subject).toBe('About Ada');
    expect(mail.text).toMatch(/^Dear Ada, please pay\.\n\n.*online: https:\/\/collect\.example\/portal\/#t=/);
  });

  it('leaves a template that places the link itself as it is', () => {
    expect(renderForChannel('sms', template('Pay here: {{portalUrl}} thanks'), { portalUrl: PORTAL_URL }, PORTAL_URL).text).toBe(`Pay here: ${PORTAL_URL} thanks`);
  });
});
