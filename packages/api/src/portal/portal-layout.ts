import { Html, html } from './html.ts';
import type { PortalTexts } from './portal-texts.ts';

// One small inline stylesheet: the first load on a phone is one request. Contrast meets WCAG AA (4.5:1) for text.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f5f7fa}
header{background:#123c5a;color:#fff;padding:.75rem 1rem}
header p{margin:0}
.brand{font-weight:700}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
section,.card{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:1rem;margin:0 0 1rem}
.total{font-size:1.6rem;font-weight:700;margin:.25rem 0}
.muted{color:#52606d;font-size:.95rem}
.error{color:#9b1c1c;background:#fde8e8;border:1px solid #f8b4b4;border-radius:6px;padding:.5rem .75rem}
.notice{color:#0b4f2e;background:#def7ec;border:1px solid #84e1bc;border-radius:6px;padding:.5rem .75rem}
.form-errors{color:#7a1010;background:#fde8e8;border:1px solid #f8b4b4;border-radius:6px;padding:.25rem .75rem;margin:.5rem 0}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.5rem .4rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{font-size:.9rem;color:#3e4c59}
td.num,th.num{text-align:right;white-space:nowrap}
button,.button{font:inherit;display:inline-block;padding:.65rem 1.2rem;border:0;border-radius:6px;background:#1f5f8b;color:#fff;cursor:pointer;text-decoration:none;min-height:44px}
button.secondary,.button.secondary{background:#fff;color:#1f5f8b;border:1px solid #1f5f8b}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input[type=text],input[type=number],input[type=date],input[type=email],select,textarea{font:inherit;width:100%;max-width:24rem;padding:.5rem;border:1px solid #7b8794;border-radius:6px}
fieldset{border:1px solid #d9e2ec;border-radius:6px;margin:.75rem 0;padding:.5rem .75rem}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.35rem 0}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}
nav.lang{float:right}
nav.lang a{color:#fff;margin-left:.5rem}
a{color:#1f5f8b}
footer{max-width:48rem;margin:0 auto;padding:1rem;color:#52606d;font-size:.9rem}
@media (max-width:40rem){
  table.stack thead{position:absolute;left:-9999px}
  table.stack tr{display:block;border-bottom:1px solid #e4e7eb;padding:.4rem 0}
  table.stack td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.2rem 0;text-align:right}
  table.stack td::before{content:attr(data-label);font-weight:600;color:#3e4c59;text-align:left}
}
`;

export interface LayoutOptions {
  title: string;
  /** The creditor's name, as the debtor knows them. */
  creditor: string;
  body: Html;
  /** Shows the language switch, which only a visitor in the portal can use. */
  languageSwitch?: boolean;
}

export const portalPage = (texts: PortalTexts, options: LayoutOptions): string =>
  html`<!doctype html>
<html lang="${texts.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${options.creditor}</title><link rel="icon" href="data:,">
<style>${new Html(STYLE)}</style></head>
<body>
<header>${options.languageSwitch ? languageSwitch(texts) : ''}<p class="brand">${options.creditor}</p><p>${texts.t('layout.tagline')}</p></header>
<main id="main">
<h1>${options.title}</h1>
${options.body}
</main>
<footer><p>${texts.t('layout.footer', { creditor: options.creditor })}</p></footer>
</body></html>`.value;

const languageSwitch = (texts: PortalTexts): Html =>
  html`<nav class="lang" aria-label="${texts.t('layout.language')}"><form method="post" action="/portal/language">${texts.languages
    .filter((l) => l.code !== texts.language)
    .map((l) => html`<button class="secondary" type="submit" name="language" value="${l.code}" lang="${l.code}">${l.name}</button>`)}</form></nav>`;
