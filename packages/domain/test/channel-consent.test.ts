import { describe, expect, it } from '@jest/globals';
import { channelRefusal, pickReachableContact, type ContactReachability } from '../src/compliance/channel-consent.ts';

const nobody: ContactReachability = {
  email: null,
  phone: null,
  postalAddress: null,
  consentEmail: false,
  consentSms: false,
  consentLetter: false,
  emailOptedOutAt: null,
  smsOptedOutAt: null,
  letterOptedOutAt: null,
};

const reachable: ContactReachability = {
  ...nobody,
  email: 'pat@example.test',
  phone: '+15550100',
  postalAddress: '1 Main St\nSpringfield',
  consentEmail: true,
  consentSms: true,
  consentLetter: true,
};

describe('which channel may reach a contact', () => {
  it('allows each channel with its consent and its address', () => {
    expect(channelRefusal('email', reachable)).toBeNull();
    expect(channelRefusal('sms', reachable)).toBeNull();
    expect(channelRefusal('letter', reachable)).toBeNull();
  });

  it('refuses a channel the contact opted out of, even with consent on record', () => {
    const optedOut = { ...reachable, smsOptedOutAt: new Date('2026-11-01T10:00:00Z') };
    expect(channelRefusal('sms', optedOut)).toBe('the contact opted out of sms');
    expect(channelRefusal('email', optedOut)).toBeNull();
  });

  it('refuses a channel without consent, and one without the address it needs', () => {
    expect(channelRefusal('letter', { ...reachable, consentLetter: false })).toBe('the contact has not consented to letter');
    expect(channelRefusal('sms', { ...reachable, phone: '  ' })).toBe('the contact has no phone number');
    expect(channelRefusal('letter', { ...reachable, postalAddress: null })).toBe('the contact has no postal address');
  });

  it('keeps the contact details out of the reason', () => {
    expect(channelRefusal('email', { ...reachable, consentEmail: false })).not.toContain('pat@example.test');
  });

  it('picks the first contact the channel may reach, else gives the primary contact\'s refusal', () => {
    const primary = { ...reachable, name: 'primary', smsOptedOutAt: new Date('2026-11-01T10:00:00Z') };
    const second = { ...reachable, name: 'second' };
    expect(pickReachableContact('sms', [primary, second])).toEqual({ contact: second });
    expect(pickReachableContact('sms', [primary])).toEqual({ refusal: 'the contact opted out of sms' });
    expect(pickReachableContact('email', [])).toEqual({ refusal: 'the account has no contact' });
  });
});
