import { createHmac, timingSafeEqual } from 'node:crypto';

// A portal link is the debtor's only credential, so it is a signed claim rather than a stored secret: the worker
// that writes a reminder signs it, and any API process checks it, with no row to look up or keep in step.
// Layout (then base64url): version (1 byte), purpose (1), account id (16), contact id (16), expiry in unix seconds
// (4), HMAC-SHA256 over all of it with the purpose bound in (32). 70 bytes make a 94-character path segment.

const VERSION = 1;
const PURPOSES = { link: 1, session: 2 } as const;
export type PortalTokenPurpose = keyof typeof PURPOSES;

const BODY_BYTES = 1 + 1 + 16 + 16 + 4;
const MAC_BYTES = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface PortalClaim {
  accountId: string;
  contactId: string;
  expiresAt: Date;
}

/** What a token says when it is read: a valid claim, an authentic claim past its expiry, or nothing to trust. */
export type PortalTokenCheck =
  | { status: 'valid'; claim: PortalClaim }
  | { status: 'expired'; claim: PortalClaim }
  | { status: 'invalid' };

const uuidBytes = (id: string): Buffer => {
  const lower = id.toLowerCase();
  if (!UUID.test(lower)) throw new TypeError(`"${id}" is not a UUID`);
  return Buffer.from(lower.replaceAll('-', ''), 'hex');
};

const uuidText = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const mac = (secret: string, body: Buffer): Buffer => createHmac('sha256', secret).update(body).digest();

/** Signs a claim; `purpose` keeps a session cookie from being pasted in as a reminder's link, and the other way. */
export function signPortalToken(secret: string, purpose: PortalTokenPurpose, claim: PortalClaim): string {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt8(VERSION, 0);
  body.writeUInt8(PURPOSES[purpose], 1);
  uuidBytes(claim.accountId).copy(body, 2);
  uuidBytes(claim.contactId).copy(body, 18);
  body.writeUInt32BE(Math.floor(claim.expiresAt.getTime() / 1000), 34);
  return Buffer.concat([body, mac(secret, body)]).toString('base64url');
}

/** Reads a token of the given purpose at `now`; anything malformed, re-purposed or altered is 'invalid'. */
export function checkPortalToken(secret: string, purpose: PortalTokenPurpose, token: string, now: Date): PortalTokenCheck {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return { status: 'invalid' };
  const bytes = Buffer.from(token, 'base64url');
  // Only the one spelling the signer wrote: a changed last character that decodes to the same bytes is refused too.
  if (bytes.length !== BODY_BYTES + MAC_BYTES || bytes.toString('base64url') !== token) return { status: 'invalid' };
  const body = bytes.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(bytes.subarray(BODY_BYTES), mac(secret, body))) return { status: 'invalid' };
  if (body.readUInt8(0) !== VERSION || body.readUInt8(1) !== PURPOSES[purpose]) return { status: 'invalid' };
  const claim: PortalClaim = {
    accountId: uuidText(body.subarray(2, 18)),
    contactId: uuidText(body.subarray(18, 34)),
    expiresAt: new Date(body.readUInt32BE(34) * 1000),
  };
  return claim.expiresAt.getTime() > now.getTime() ? { status: 'valid', claim } : { status: 'expired', claim };
}

/** The personal link a reminder carries: it opens the portal for one account and one of its contacts. */
export const portalLinkUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}/portal/open/${token}`;
