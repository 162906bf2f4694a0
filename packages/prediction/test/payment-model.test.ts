import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OPEN_SNAPSHOT_DAYS, parseCalendarDate, splitByTime, trainingExamples, type TrainingExample } from '@recoup/domain';
import { DatasetFormatError, explain, forecastBacktest, measure, NotEnoughHistoryError, PaymentModel, readIbmReceivables, trainPaymentModel } from '../src/index.ts';

// The models trained on the public accounts-receivable data set, with the real forest library, and judged on the
// latest invoices by invoice date. bench/predict.ts prints the same figures with the baselines beside them.

const CSV = readFileSync(join(process.cwd(), 'test', 'fixtures', 'datasets', 'ibm-accounts-receivable.csv'), 'utf8');
const histories = readIbmReceivables(CSV);
const { earlier, later } = splitByTime(trainingExamples(histories, { openSnapshots: OPEN_SNAPSHOT_DAYS }), 0.7);
const test = later.filter((e) => e.asOf === e.issuedOn);
let model: PaymentModel;

beforeAll(async () => {
  model = await trainPaymentModel(earlier);
}, 120_000);

afterAll(() => model?.unload());

describe('reading the accounts-receivable data set', () => {
  it('reads all 2,466 paid invoices of its 100 customers, amounts in cents and 877 of them paid late', () => {
    const invoices = histories.flatMap((h) => h.invoices);
    expect(histories).toHaveLength(100);
    expect(invoices).toHaveLength(2466);
    expect(invoices.filter((inv) => inv.settledOn! > inv.dueOn)).toHaveLength(877);
    expect(invoices.find((inv) => inv.id === '0000611365')).toMatchObject({ amountMinor: 5594n, channel: 'paper', disputesOpenedOn: [] });
  });

  it('names the row and the column of a date it cannot read', () => {
    const broken = CSV.replace('1/2/2013,2/1/2013', '13/2/2013,2/1/2013');
    expect(() => readIbmReceivables(broken)).toThrow(new DatasetFormatError(2, 'InvoiceDate "13/2/2013" is no day in the calendar'));
  });
});

describe('the payment models on invoices they never saw', () => {
  const lateShareBaseline = (rows: readonly TrainingExample[]) => rows.map((e) => e.features.lateShare ?? 0.35);

  it("rank late payers better than the customer's own late rate does", () => {
    const figures = measure(model.predict(test.map((e) => e.features)), test);
    const baseline = measure(
      lateShareBaseline(test).map((p) => ({ lateProbability: p, veryLateProbability: 0, offsetDays: 0, offsetLow: 0, offsetHigh: 0, confidence: 'normal' })),
      test,
    );
    expect(figures.lateAuc!).toBeGreaterThan(baseline.lateAuc! + 0.02);
    expect(figures.lateBrier!).toBeLessThan(baseline.lateBrier!);
  });

  it('predict the payment day far closer than the due date, and 80 % of payments fall inside the interval', () => {
    const figures = measure(model.predict(test.map((e) => e.features)), test);
    const dueDate = test.reduce((sum, e) => sum + Math.abs(e.outcome.offsetDays), 0) / test.length;
    expect(figures.payDayMae!).toBeLessThan(dueDate / 2);
    expect(figures.intervalCoverage!).toBeGreaterThanOrEqual(0.75);
  });

  it('answer a customer with little history from the population model, and say the confidence is low', () => {
    const newcomer = { ...test[0]!.features, paidInvoices: 1, lateShare: 1, meanDaysLate: 60 };
    const [prediction] = model.predict([newcomer]);
    expect(prediction!.confidence).toBe('low');
    expect(model.predict([test[0]!.features])[0]!.confidence).toBe('normal');
  });

  it('store their validation figures and rank the customer history above the invoice amount', () => {
    const { validation, importance, trainingExamples: fitted, validationExamples } = model.description;
    expect(fitted + validationExamples).toBe(earlier.length);
    expect(validation.lateAuc!).toBeGreaterThan(0.85);
    const rank = (feature: string) => importance.findIndex((f) => f.feature === feature);
    expect(rank('meanDaysToPay')).toBeLessThan(rank('logAmount'));
  });

  it('give the same predictions after being saved and loaded', async () => {
    const loaded = await PaymentModel.load(model.description, await model.save());
    try {
      const rows = test.slice(0, 50).map((e) => e.features);
      expect(loaded.predict(rows)).toEqual(model.predict(rows));
    } finally {
      loaded.unload();
    }
  });

  it('refuse to train on too little history, saying why', async () => {
    await expect(trainPaymentModel(earlier.slice(0, 30))).rejects.toThrow(NotEnoughHistoryError);
  });
});

describe('explaining a prediction', () => {
  it('gives a chronic late payer reasons that raise its risk, and a punctual one reasons that lower it', () => {
    const rows = test.map((e) => e.features);
    const reasons = explain(model, rows);
    const known = test.map((e, i) => ({ e, reasons: reasons[i]! })).filter(({ e }) => e.features.paidInvoices >= 10);
    const late = known.filter(({ e }) => e.features.lateShare! >= 0.8);
    const punctual = known.filter(({ e }) => e.features.lateShare! === 0);
    expect(late.length).toBeGreaterThan(5);
    expect(punctual.length).toBeGreaterThan(5);
    const strongest = (group: typeof known) => group.map(({ reasons }) => reasons[0]?.effect ?? 0);
    expect(strongest(late).filter((effect) => effect > 0).length).toBeGreaterThan(0.8 * late.length);
    expect(strongest(punctual).filter((effect) => effect < 0).length).toBeGreaterThan(0.8 * punctual.length);
    for (const list of reasons) {
      expect(list.length).toBeLessThanOrEqual(3);
      expect(list.map((r) => Math.abs(r.effect))).toEqual([...list.map((r) => Math.abs(r.effect))].sort((a, b) => b - a));
    }
  });

  it('calls an invoice still open past its due date late, and very late once it is more than 30 days past due', () => {
    const open = { ...test[0]!.features, daysUntilDue: -5 };
    const [overdue, veryOverdue] = model.predict([open, { ...open, daysUntilDue: -31 }]);
    expect(overdue!.lateProbability).toBe(1);
    expect(veryOverdue).toMatchObject({ lateProbability: 1, veryLateProbability: 1 });
  });
});

describe('the backtest of the cash forecast', () => {
  it('forecasts what the invoices open at past dates brought in closer than their due dates do, out of sample', () => {
    const from = model.description.validationFromDay!;
    const asOf = later[0]!.issuedOn;
    const backtest = forecastBacktest(model, histories, asOf);
    expect(backtest.horizonWeeks).toBe(4);
    expect(backtest.origins.length).toBeGreaterThan(3);
    for (const origin of backtest.origins) {
      expect(origin.currency).toBe('USD');
      expect(parseCalendarDate(origin.originDate)).toBeGreaterThanOrEqual(from);
      expect(parseCalendarDate(origin.originDate)).toBeLessThanOrEqual(asOf - 28);
    }
    const error = (pick: (o: (typeof backtest.origins)[number]) => string) =>
      backtest.origins.reduce((sum, o) => sum + Math.abs(Number(BigInt(pick(o)) - BigInt(o.collectedMinor))), 0);
    expect(error((o) => o.forecastMinor)).toBeLessThan(error((o) => o.dueDateForecastMinor));
  });
});
