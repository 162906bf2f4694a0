import { describe, expect, it } from '@jest/globals';
import { checkPortalToken, signPortalToken } from '../src/portal/portal-link.ts';
import { portalLinkFor, withPortalLink } from '../src/activities/portal-link-text.ts';

const SECRET = 'portal-secret-for-the-link-tests-0123456789';
const who = { accountId: '6f1c2f4e-9a0b-4c6d-8e2f-1a2b3c4d5e6f', contactId: '0b7e8a1c-2d3f-4a5b-9c6d-7e8f9a0b1c2d' };
const NOW = new Date('2026-12-04T10:00:00Z');

describe('portal links', () => {
  it('reads back the account, the contact and the expiry it was signed with', () => {
    const token = signPortalToken(SECRET, 'link', { ...who, expiresAt: new Date('2027-01-03T10:00:00Z') });
    expect(token).toMatch(/^[A-Za-z0-9_-]{94}$/);
    expect(checkPortalToken(SECRET, 'link', token, NOW)).toEqual({ status: 'valid', claim: { ...who, expiresAt: new Date('2027-01-03T10:00:00Z') } });
  });

  it('says a link past its expiry is expired, still naming whose it is, so a code can be offered', () => {
    const token = signPortalToken(SECRET, 'link', { ...who, expiresAt: new Date('2026-12-01T00:00:00Z') });
    expect(checkPortalToken(SECRET, 'link', token, NOW)).toMatchObject({ status: 'expired', claim: who });
  });

  it('refuses every changed character, including a last one that decodes to the same bytes', () => {
    const token = signPortalToken(SECRET, 'link', { ...who, expiresAt: new Date('2027-01-03T10:00:00Z') });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let at = 0; at < token.length; at += 1) {
      const other = alphabet[(alphabet.indexOf(token[at]!) + 1) % alphabet.length]!;
      const changed = `${token.slice(0, at)}${other}${token.slice(at + 1)}`;
      expect({ at, status: checkPortalToken(SECRET, 'link', changed, NOW).status }).toEqual({ at, status: 'invalid' });
    }
  });

  it('refuses a link signed with another secret, a session token used as a link, and a truncated link', () => {
    const claim = { ...who, expiresAt: new Date('2027-01-03T10:00:00Z') };
    expect(checkPortalToken(SECRET, 'link', signPortalToken(`${SECRET}-other`, 'link', claim), NOW).status).toBe('invalid');
    expect(checkPortalToken(SECRET, 'link', signPortalToken(SECRET, 'session', claim), NOW).status).toBe('invalid');
    expect(checkPortalToken(SECRET, 'link', signPortalToken(SECRET, 'link', claim).slice(0, 90), NOW).status).toBe('invalid');
  });
});

describe('the portal link in a reminder', () => {
  it('is good for the configured number of days from the moment of sending', () => {
    const url = portalLinkFor({ secret: SECRET, linkDays: 30 }, 'https://pay.example.com/', who, NOW);
    const token = url.replace('https://pay.example.com/portal/open/', '');
    expect(checkPortalToken(SECRET, 'link', token, NOW)).toMatchObject({ status: 'valid', claim: { expiresAt: new Date('2027-01-03T10:00:00Z') } });
  });

  it('is added as the last line of a text that does not place it, and not added twice', () => {
    const url = 'https://pay.example.com/portal/open/abc';
    const added = withPortalLink('Dear Jo,\nplease pay.\n\n', url, 'email');
    expect(added).toBe(`Dear Jo,\nplease pay.\n\nSee your invoices, pay, or arrange a payment date online: ${url}\n`);
    expect(withPortalLink(`Pay online at ${url} today.`, url, 'email')).toBe(`Pay online at ${url} today.`);
  });

  it('is added to a text message as the bare link after its last word', () => {
    const url = 'https://pay.example.com/portal/open/abc';
    expect(withPortalLink('Jo, 12.00 EUR is overdue. \n', url, 'sms')).toBe(`Jo, 12.00 EUR is overdue. ${url}`);
  });
});
