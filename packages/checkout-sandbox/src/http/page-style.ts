import { createHash } from 'node:crypto';

// Dark text on white, a blue with 6:1 contrast for the button and links, a red with 7:1 for errors; 16 px inputs
// so phones do not zoom in; one column that fits a 320 px screen. The card fields hide when a bank transfer is
// chosen, in CSS alone, since the page's policy allows no script.
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f7}
main{max-width:32rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:#fff;min-height:100vh}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.125rem;margin:0 0 .5rem}
.badge{display:inline-block;margin:0;padding:.25rem .5rem;border-radius:.25rem;background:#fff3cd;color:#5c4400;font-size:.875rem}
table{width:100%;border-collapse:collapse;margin:0 0 1.5rem}
caption{text-align:left;font-weight:600;padding-bottom:.5rem}
th,td{padding:.5rem 0;border-bottom:1px solid #d0d4d9;text-align:left;vertical-align:top}
.num{text-align:right;white-space:nowrap;padding-left:.75rem}
tfoot th,tfoot td{font-weight:700;border-bottom:0}
fieldset{border:1px solid #d0d4d9;border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;align-items:center;gap:.5rem;padding:.25rem 0}
.choice input{width:1.25rem;height:1.25rem;margin:0}
.field{margin:.75rem 0 0}
.row{display:flex;gap:1rem;flex-wrap:wrap}
.row .field{flex:1 1 8rem}
label{display:block;font-weight:500}
.choice label{display:inline;font-weight:400}
input[type=text]{display:block;width:100%;margin-top:.25rem;padding:.625rem .75rem;font:inherit;font-size:1rem;color:#1b1b1b;background:#fff;border:1px solid #6b7280;border-radius:.375rem}
input[aria-invalid=true]{border:2px solid #a4001d}
.hint{margin:.25rem 0 0;color:#4a4f57;font-size:.875rem}
.error{margin:.25rem 0 0;color:#a4001d;font-weight:600}
.error-summary{border:2px solid #a4001d;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem;color:#1b1b1b}
.error-summary ul{margin:.25rem 0 0;padding-left:1.25rem}
.bank-note{display:none;margin:0 0 1rem}
form:has(#method-bank_transfer:checked) .card-fields{display:none}
form:has(#method-bank_transfer:checked) .bank-note{display:block}
button{display:block;width:100%;padding:.875rem 1rem;font:inherit;font-weight:600;color:#fff;background:#0a58ca;border:0;border-radius:.375rem;cursor:pointer}
button:hover{background:#084298}
a{color:#0a58ca}
a:hover{color:#084298}
:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}
.cancel{margin:1.5rem 0 0;text-align:center}
`;

/** The page's policy allows exactly this stylesheet, by hash. */
export const PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(PAGE_CSS, 'utf8').digest('base64')}'`;
