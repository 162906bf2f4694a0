import { maskEmail } from '../shared/mask-email.ts';

// The opt-out pages are served to people who are not users of Recoup: plain HTML, no script, no login.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);


export const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1f2933}
h1{font-size:1.4rem}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1f5f8b;color:#fff;cursor:pointer}
.muted{color:#616e7c;font-size:.9rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

export const confirmPage = (creditor: string, email: string, alreadyOff: boolean) =>
  page(
    'Stop e-mails about your account',
    alreadyOff
      ? `<p>E-mails about your account with ${escapeHtml(creditor)} to ${escapeHtml(maskEmail(email))} are already stopped.</p>`
      : `<p>${escapeHtml(creditor)} e-mails ${escapeHtml(maskEmail(email))} about an open balance on your account.</p>
<form method="post"><button type="submit">Stop these e-mails</button></form>
<p class="muted">We may still contact you by other means, as the law allows, and will send what the law requires.</p>`,
  );

export const donePage = (email: string) =>
  page('E-mails stopped', `<p>We will no longer e-mail ${escapeHtml(maskEmail(email))} about this account.</p>`);

export const unknownPage = () =>
  page('Link not recognised', '<p>This opt-out link is not valid. Please use the link from your most recent e-mail.</p>');
