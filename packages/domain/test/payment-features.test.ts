import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  accountPrediction,
  areaUnderRoc,
  brierScore,
  intervalCoverage,
  meanAbsoluteError,
  parseCalendarDate,
  paymentClass,
  paymentFeatures,
  splitByTime,
  trainingExamples,
  type CustomerHistory,
  type HistoryInvoice,
} from '../src/index.ts';

const day = (iso: string) => parseCalendarDate(iso);

function invoice(id: string, issued: string, settled: string | null, extra: Partial<HistoryInvoice> = {}): HistoryInvoice {
  const issuedOn = day(issued);
  const amountMinor = extra.amountMinor ?? 10_000n;
  const settledOn = settled === null ? null : day(settled);
  return {
    id,
    issuedOn,
    dueOn: issuedOn + 30,
    amountMinor,
    currencyExponent: 2,
    channel: 'electronic',
    payments: settledOn === null ? [] : [{ on: settledOn, amountMinor }],
    settledOn,
    disputesOpenedOn: [],
    ...extra,
  };
}

// Six paid invoices, issued a month apart with 30 days' terms, paid 0, 0, 5, 10, 20 and 40 days late; the last
// was paid in two parts. Then one open invoice, and the one being scored.
const scored = invoice('INV-8', '2026-08-01', '2026-09-20', { amountMinor: 30_000n, disputesOpenedOn: [day('2026-08-10')] });
const ledger: CustomerHistory = {
  customer: { customerId: 'C-1', customerType: 'business', segment: 'smb', country: 'DE' },
  invoices: [
    invoice('INV-1', '2026-01-01', '2026-01-31'),
    invoice('INV-2', '2026-02-01', '2026-03-01'),
    invoice('INV-3', '2026-03-01', '2026-04-05'),
    invoice('INV-4', '2026-04-01', '2026-05-11'),
    invoice('INV-5', '2026-05-01', '2026-06-20', { disputesOpenedOn: [day('2026-05-20')] }),
    invoice('INV-6', '2026-06-01', '2026-08-10', {
      payments: [
        { on: day('2026-07-15'), amountMinor: 4_000n },
        { on: day('2026-08-10'), amountMinor: 6_000n },
      ],
    }),
    invoice('INV-7', '2026-07-01', null),
    scored,
  ],
  promises: [
    { madeOn: day('2026-06-01'), resolvedOn: day('2026-06-15'), kept: true },
    { madeOn: day('2026-07-01'), resolvedOn: day('2026-07-20'), kept: false },
    { madeOn: day('2026-08-01'), resolvedOn: day('2026-08-30'), kept: true },
  ],
  reminders: [
    { sentOn: day('2026-06-10'), invoiceId: 'INV-5' },
    { sentOn: day('2026-06-15'), invoiceId: 'INV-5' },
    { sentOn: day('2026-08-01'), invoiceId: 'INV-6' },
  ],
  optOutsOn: [day('2026-08-20')],
};

describe('payment features on a worked example', () => {
  const t = day('2026-08-15');
  const f = paymentFeatures(ledger, scored, t);

  it('summarises the six invoices paid before t: count, late share, mean, median and 90th percentile days late', () => {
    expect(f.paidInvoices).toBe(6);
    expect(f.lateShare).toBeCloseTo(4 / 6);
    expect(f.meanDaysLate).toBeCloseTo(75 / 6);
    expect(f.medianDaysLate).toBeCloseTo(7.5);
    // Sorted 0 0 5 10 20 40: rank 4.5 lies halfway between 20 and 40.
    expect(f.p90DaysLate).toBeCloseTo(30);
    expect(f.lastDaysLate).toBe(40);
    expect(f.meanDaysToPay).toBeCloseTo((30 + 28 + 35 + 40 + 50 + 70) / 6);
  });

  it('says 4 of the last 5 were late and that the customer is slipping against the invoice before them', () => {
    expect(f.recentPaid).toBe(5);
    expect(f.recentLate).toBe(4);
    expect(f.recentMeanDaysLate).toBeCloseTo(75 / 5);
    expect(f.trendDaysLate).toBeCloseTo(15 - 0);
    expect(f.partialShare).toBeCloseTo(1 / 6);
  });

  it('counts the open and overdue invoices, promises, disputes, reminders and opt-outs known before t', () => {
    expect(f.openInvoices).toBe(1);
    expect(f.overdueInvoices).toBe(1);
    expect(f.invoicesLast90Days).toBe(2);
    // The third promise is only judged on 2026-08-30.
    expect(f.promisesKept).toBe(1);
    expect(f.promisesBroken).toBe(1);
    expect(f.promiseKeptShare).toBeCloseTo(0.5);
    expect(f.disputesOpened).toBe(1);
    // INV-5 paid 5 days after its last reminder, INV-6 9 days after its only one.
    expect(f.meanReminderToPayDays).toBeCloseTo(7);
    expect(f.optedOut).toBe(false);
  });

  it('describes the invoice itself as of t: amount against the usual, terms, age, dispute, money received, channel', () => {
    expect(f.amountRatio).toBeCloseTo(3);
    expect(f.logAmount).toBeCloseTo(Math.log10(301));
    expect(f.termsDays).toBe(30);
    expect(f.ageDays).toBe(14);
    expect(f.daysUntilDue).toBe(16);
    expect(f.disputed).toBe(true);
    expect(f.paidShare).toBe(0);
    expect(f.electronic).toBe(1);
    expect([f.customerType, f.segment, f.country]).toEqual(['business', 'smb', 'DE']);
  });

  it('has no history figures for a first invoice, rather than zeros that would read as "never late"', () => {
    const first = paymentFeatures(ledger, ledger.invoices[0]!, day('2026-01-01'));
    expect(first.paidInvoices).toBe(0);
    expect([first.lateShare, first.meanDaysLate, first.p90DaysLate, first.trendDaysLate, first.amountRatio]).toEqual([null, null, null, null, null]);
  });

  it('sees the opt-out and the third promise once t is past them', () => {
    const later = paymentFeatures(ledger, scored, day('2026-09-01'));
    expect(later.optedOut).toBe(true);
    expect(later.promisesKept).toBe(2);
  });
});

// A random ledger, then a copy in which everything dated t or later is changed: later payments, settlements, new
// invoices, promises judged, reminders, opt-outs, disputes, and the scored invoice's own outcome. The features as
// of t must not move.
const DAY0 = day('2025-01-01');
const invoiceArb = (id: string) =>
  fc.record({
    issued: fc.integer({ min: 0, max: 500 }),
    terms: fc.constantFrom(14, 30, 60),
    paidAfter: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
    parts: fc.integer({ min: 1, max: 3 }),
    amount: fc.bigInt({ min: 100n, max: 10_000_000n }),
    disputeAfter: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    electronic: fc.boolean(),
  }).map(
    (r): HistoryInvoice => {
      const issuedOn = DAY0 + r.issued;
      const settledOn = r.paidAfter === null ? null : issuedOn + r.paidAfter;
      const payments =
        settledOn === null
          ? []
          : Array.from({ length: r.parts }, (_, k) => ({ on: settledOn - (r.parts - 1 - k) * 3, amountMinor: k === r.parts - 1 ? r.amount - BigInt(r.parts - 1) : 1n }));
      return {
        id,
        issuedOn,
        dueOn: issuedOn + r.terms,
        amountMinor: r.amount,
        currencyExponent: 2,
        channel: r.electronic ? 'electronic' : 'paper',
        payments,
        settledOn,
        disputesOpenedOn: r.disputeAfter === null ? [] : [issuedOn + r.disputeAfter],
      };
    },
  );

const ledgerArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    invoices: fc.tuple(...Array.from({ length: n }, (_, i) => invoiceArb(`I${i}`))),
    promises: fc.array(fc.record({ made: fc.integer({ min: 0, max: 600 }), takes: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }), kept: fc.boolean() }), { maxLength: 5 }),
    reminders: fc.array(fc.record({ sent: fc.integer({ min: 0, max: 600 }), about: fc.integer({ min: 0, max: n - 1 }) }), { maxLength: 8 }),
    optOuts: fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 2 }),
    scoredIndex: fc.integer({ min: 0, max: n - 1 }),
    t: fc.integer({ min: 0, max: 650 }),
  }),
);

/** The scored invoice's money from t on is swapped: what it received from t is taken away, or it is paid in full. */
function otherOutcome(inv: HistoryInvoice, t: number, shift: number): Pick<HistoryInvoice, 'payments' | 'settledOn'> {
  const known = inv.payments.filter((p) => p.on < t);
  if (inv.settledOn !== null && inv.settledOn < t) return { payments: inv.payments, settledOn: inv.settledOn };
  if (known.length < inv.payments.length) return { payments: known, settledOn: null };
  return { payments: [...known, { on: t + shift, amountMinor: inv.amountMinor }], settledOn: t + shift };
}

/** Moves every event dated on or after t to a different later day, and gives the scored invoice another outcome. */
function rewriteFrom(source: CustomerHistory, t: number, scoredId: string, shift: number): CustomerHistory {
  const later = (d: number) => (d >= t ? d + shift : d);
  const invoices = source.invoices
    .filter((inv) => inv.issuedOn < t || inv.id === scoredId)
    .map((inv) => {
      const disputesOpenedOn = [...inv.disputesOpenedOn.map(later), t + shift];
      if (inv.id === scoredId) return { ...inv, ...otherOutcome(inv, t, shift), disputesOpenedOn };
      const payments = inv.payments.map((p) => ({ on: later(p.on), amountMinor: p.on >= t ? p.amountMinor + 7n : p.amountMinor }));
      return { ...inv, settledOn: inv.settledOn === null ? null : later(inv.settledOn), payments, disputesOpenedOn };
    });
  // Invoices issued from t on are unknown at t: replace them by others.
  const newcomers = [1, 2].map((k) => ({ ...source.invoices[0]!, id: `NEW-${k}`, issuedOn: t + k, dueOn: t + k + 30, settledOn: t + k + 1 }));
  return {
    customer: source.customer,
    invoices: [...invoices, ...newcomers],
    promises: [...source.promises.map((p) => ({ ...p, resolvedOn: p.resolvedOn === null ? t + shift : later(p.resolvedOn), kept: p.resolvedOn !== null && p.resolvedOn >= t ? !p.kept : p.kept })), { madeOn: t, resolvedOn: t + 1, kept: false }],
    reminders: [...source.reminders.map((r) => ({ ...r, sentOn: later(r.sentOn) })), { sentOn: t, invoiceId: source.invoices[0]!.id }],
    optOutsOn: [...source.optOutsOn.map(later), t],
  };
}

describe('payment features are correct at a point in time', () => {
  it('no feature of an invoice as of t moves when its own outcome or anything dated t or later changes', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 1, max: 200 }), (r, shift) => {
        const source: CustomerHistory = {
          customer: { customerId: 'C', customerType: 'consumer', segment: null, country: 'GB' },
          invoices: r.invoices,
          promises: r.promises.map((p) => ({ madeOn: DAY0 + p.made, resolvedOn: p.takes === null ? null : DAY0 + p.made + p.takes, kept: p.kept })),
          reminders: r.reminders.map((x) => ({ sentOn: DAY0 + x.sent, invoiceId: `I${x.about}` })),
          optOutsOn: r.optOuts.map((d) => DAY0 + d),
        };
        const scoredInvoice = r.invoices[r.scoredIndex]!;
        const t = DAY0 + r.t;
        const rewritten = rewriteFrom(source, t, scoredInvoice.id, shift);
        const rewrittenScored = rewritten.invoices.find((inv) => inv.id === scoredInvoice.id)!;
        expect(paymentFeatures(rewritten, rewrittenScored, t)).toEqual(paymentFeatures(source, scoredInvoice, t));
      }),
      { numRuns: 400 },
    );
  });

  it('notices an event dated the day before t, so the property above is not passing by seeing nothing', () => {
    const t = day('2026-08-15');
    const before = paymentFeatures(ledger, scored, t);
    const withPayment = { ...ledger, invoices: ledger.invoices.map((inv) => (inv.id === 'INV-7' ? { ...inv, settledOn: t - 1, payments: [{ on: t - 1, amountMinor: inv.amountMinor }] } : inv)) };
    const after = paymentFeatures(withPayment, scored, t);
    expect(after.paidInvoices).toBe(before.paidInvoices + 1);
    expect(after.openInvoices).toBe(before.openInvoices - 1);
  });
});

describe('training examples', () => {
  it('makes one example per paid invoice, as of its issue day, ordered by that day, with its class', () => {
    const examples = trainingExamples([ledger]);
    expect(examples.map((e) => e.invoiceId)).toEqual(['INV-1', 'INV-2', 'INV-3', 'INV-4', 'INV-5', 'INV-6', 'INV-8']);
    expect(examples.map((e) => paymentClass(e.outcome))).toEqual(['on-time', 'on-time', 'late', 'late', 'late', 'very-late', 'late']);
    expect(examples[6]!.asOf).toBe(scored.issuedOn);
  });

  it('takes an invoice again on its due day and 30 days later while it was still open, seeing its part payment', () => {
    const examples = trainingExamples([ledger], { openSnapshots: [0, 30] }).filter((e) => e.invoiceId === 'INV-6');
    expect(examples.map((e) => e.asOf - e.issuedOn)).toEqual([0, 30, 60]);
    expect(examples.map((e) => e.features.paidShare)).toEqual([0, 0, 0.4]);
    expect(examples.map((e) => e.features.daysUntilDue)).toEqual([30, 0, -30]);
  });

  it('leaves out outcomes the ledger did not know yet when asked for what was known before a day', () => {
    const examples = trainingExamples([ledger], { settledBefore: day('2026-06-01') });
    expect(examples.map((e) => e.invoiceId)).toEqual(['INV-1', 'INV-2', 'INV-3', 'INV-4']);
  });

  it('splits by time and keeps the examples of one day on one side', () => {
    const rows = [1, 2, 2, 2, 3, 4].map((issuedOn) => ({ issuedOn }));
    expect(splitByTime(rows, 0.5)).toEqual({ earlier: rows.slice(0, 4), later: rows.slice(4) });
  });
});

describe('prediction metrics', () => {
  it('gives AUC 1 for a perfect ranking, 0.5 for ties everywhere, and counts a tie as half', () => {
    expect(areaUnderRoc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(areaUnderRoc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
    expect(areaUnderRoc([0.1, 0.4, 0.4, 0.9], [false, false, true, true])).toBeCloseTo(0.875);
    expect(areaUnderRoc([0.1, 0.2], [true, true])).toBeNull();
  });

  it('measures the Brier score, the mean absolute error and the interval coverage', () => {
    expect(brierScore([0.9, 0.2], [true, false])).toBeCloseTo((0.01 + 0.04) / 2);
    expect(meanAbsoluteError([3, 10], [5, 4])).toBe(4);
    expect(intervalCoverage([{ low: 0, high: 5 }, { low: 2, high: 3 }], [5, 4])).toBe(0.5);
  });
});

describe('an account’s predicted behaviour from its open invoices', () => {
  const invoice = (openMinor: bigint, late: number, veryLate: number, daysLate: number, payDate: string) => ({ openMinor, lateProbability: late, veryLateProbability: veryLate, daysLate, payDate });

  it('weights each invoice by what it has open: risk 1000 is all very late, 500 all late within 30 days', () => {
    expect(accountPrediction([invoice(30_000n, 1, 1, 45, '2026-03-01')])).toEqual({ riskScore: 1000, lateProbability: 100, predictedDaysLate: 45, predictedPayDate: '2026-03-01' });
    expect(accountPrediction([invoice(30_000n, 1, 0, 10, '2026-03-01'), invoice(10_000n, 0, 0, 0, '2026-02-01')])).toEqual({
      riskScore: 375,
      lateProbability: 75,
      predictedDaysLate: 8,
      predictedPayDate: '2026-03-01',
    });
  });

  it('predicts the day by which half the open amount is paid, and nothing for an account with nothing open', () => {
    const three = [invoice(10_000n, 0, 0, 0, '2026-02-01'), invoice(10_000n, 0, 0, 0, '2026-02-10'), invoice(10_000n, 0, 0, 0, '2026-03-01')];
    expect(accountPrediction(three)?.predictedPayDate).toBe('2026-02-10');
    expect(accountPrediction([invoice(0n, 1, 1, 5, '2026-02-01')])).toBeNull();
  });
});
