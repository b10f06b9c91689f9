import { MILLICREDITS_PER_CREDIT } from '../money/money.js';
import type { PurchaseStatus } from './billing.types.js';

/** What the test-mode checkout page shows of one purchase. */
export interface TestCheckoutView {
  packName: string;
  credits: bigint;
  amountCents: bigint;
  status: PurchaseStatus;
  /** Why test mode is on (the configuration), said on the page. */
  reason: string;
  /** The Credits page, with the outcome for its notice and the app's returnTo. */
  back: { success: string; cancel: string };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "10,000" or "1,250.5": credits as the Credits page writes them, without meaningless decimals. */
export function creditsText(millicredits: bigint): string {
  const whole = group((millicredits / MILLICREDITS_PER_CREDIT).toString());
  const fraction = (millicredits % MILLICREDITS_PER_CREDIT).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

const dollars = (cents: bigint) => `$${group((cents / 100n).toString())}.${(cents % 100n).toString().padStart(2, '0')}`;

/** The Credits page's look (theme.ts): its blue bar, grey ground, white rounded cards, system font. */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f6f8;color:#1d2430;line-height:1.5}
header{background:#1a56b8;color:#fff;padding:14px 16px}
header p{margin:0;font-size:1.25rem;font-weight:500;max-width:560px;margin:0 auto}
main{max-width:560px;margin:0 auto;padding:16px}
.card{background:#fff;border:1px solid #dfe3ea;border-radius:10px;padding:20px;margin-bottom:16px}
.test{background:#fff8e1;border:2px solid #b45309;border-radius:10px;padding:12px 16px;margin-bottom:16px;font-size:.95rem}
h1{font-size:1.5rem;margin:0 0 4px}
.price{font-size:2.25rem;font-weight:600;margin:8px 0 0}
.credits{color:#4b5563;margin:0 0 16px}
.button{display:block;width:100%;text-align:center;background:#1a56b8;color:#fff;border:0;border-radius:6px;padding:12px 16px;font-size:1rem;font-weight:500;text-decoration:none;cursor:pointer;font-family:inherit}
.button:focus-visible,.link:focus-visible{outline:3px solid #5b3aa6;outline-offset:2px}
.link{display:inline-block;margin-top:12px;color:#1a56b8}
.done{border-left:6px solid #15803d}
.failed{border-left:6px solid #b91c1c}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Credits</title><style>${STYLE}</style></head>
<body><header><p>Credits</p></header><main>${body}</main></body></html>`;
}

/**
 * The demo's stand-in for Stripe Checkout. Pending: the pack, its price and credits, and the one
 * button that pays. Once paid (or refunded, or failed) it says so and leads back to the Credits
 * page, so a second visit never offers to pay again.
 */
export function renderTestCheckout(view: TestCheckoutView): string {
  const credits = `${creditsText(view.credits)} credits`;
  const banner = `<p class="test" role="note"><strong>TEST MODE</strong>: Stripe is not configured, so no card is charged. Paying here
credits the account through the normal fulfilment path. Test mode is on because ${escapeHtml(view.reason)}; it is never available in production.</p>`;
  const back = (href: string, label: string) => `<a class="link" href="${escapeHtml(href)}">${label}</a>`;
  if (view.status === 'PENDING')
    return page(
      `${view.packName} pack`,
      `${banner}<section class="card" aria-labelledby="pack">
<h1 id="pack">${escapeHtml(view.packName)} pack</h1>
<p class="price">${dollars(view.amountCents)}</p>
<p class="credits">${credits}</p>
<form method="post"><button class="button" type="submit">Complete test purchase</button></form>
${back(view.back.cancel, 'Cancel and go back')}
</section>`,
    );
  if (view.status === 'FAILED')
    return page(
      'Purchase failed',
      `${banner}<section class="card failed" aria-labelledby="outcome">
<h1 id="outcome">This purchase failed</h1>
<p>The ${escapeHtml(view.packName)} pack (${credits}) was not paid. Start a new purchase from the Credits page.</p>
${back(view.back.cancel, 'Back to your Credits page')}
</section>`,
    );
  const refunded =
    view.status === 'REFUNDED'
      ? ' It has since been refunded.'
      : view.status === 'PARTIALLY_REFUNDED'
        ? ' Part of it has since been refunded.'
        : '';
  return page(
    'Paid',
    `${banner}<section class="card done" aria-labelledby="outcome">
<h1 id="outcome">Paid</h1>
<p>The ${escapeHtml(view.packName)} pack is paid: ${credits} were added to the account for ${dollars(view.amountCents)}.${refunded}</p>
${back(view.back.success, 'Back to your Credits page')}
</section>`,
  );
}
