import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addCalendarDays } from '@recoup/domain';
import type { BacktestBlock, ForecastBlock, KpiDashboard } from '@recoup/contracts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { storeTestModel } from './support/payment-model-fixtures.ts';

// The cash forecast with the payment model's predictions, over a portfolio dated from today (T), since predictions
// describe the open book of the day they were made. The model scored the book on T−3. EUR unless said.
//
//  invoice  account  issued  due    amount  ledger                          open on T  prediction
//  G        A        T−150   T−110  10,000  paid in full T−115                      0  -
//  H        A        T−100   T−80   10,000  paid 8,000 T−50                     2,000  -
//  P        A        T−60    T+5    50,000  paid 20,000 T−2                    30,000  pays T+30 (week 5)
//  Q        A        T−20    T+15   10,000                                     10,000  -
//  R        A        T−30    T+10    7,000                                      7,000  pays T+120 (beyond 13 weeks)
//  W        A        T−50    T−5     5,000                                      5,000  pays T−1 (passed: week 1)
//  V        A        T−40    T+20    6,000  paid in full T−1                        0  pays T+1
//  S        B        T−30    T+3     4,000                                      4,000  pays T+7, but B has an open promise
//  promise  B        3,000 due T+8 (week 2)
//
// Today's current-bucket rate: on T−91 only H was open and current (G was paid before), and 8,000 of its 10,000
// came in since: 80 %. On T−121, the history day of a forecast made on T−30, G was open and current and was then
// paid in full: 100 %.

const TODAY = new Date().toISOString().slice(0, 10);
const day = (offset: number) => addCalendarDays(TODAY, offset);
const at = (offset: number) => `${day(offset)}T12:00:00.000Z`;
const AS_OF = day(-3);

let h: Harness;
let manager: LoggedIn;
let modelId: string;

async function seed(em: EntityManager): Promise<void> {
  const account = async (ref: string, currency = 'EUR') => {
    const id = randomUUID();
    await em.execute(
      `insert into account (id, external_ref, name, customer_type, segment, currency, time_zone) values (?, ?, ?, 'business', 'standard', ?, 'UTC')`,
      [id, ref, `Customer ${ref}`, currency],
    );
    return id;
  };
  const a = await account('FP-A');
  const b = await account('FP-B');
  // Allocations lower the invoice's open amount and the payment's unallocated money (the allocation trigger).
  const invoice = async (accountId: string, n: string, issued: number, due: number, amount: number) => {
    const id = randomUUID();
    await em.execute(
      `insert into invoice (id, account_id, number, issue_date, due_date, currency, amount_minor, open_minor, status)
       values (?, ?, ?, ?, ?, 'EUR', ?, ?, 'open')`,
      [id, accountId, `FP-${n}`, day(issued), day(due), amount, amount],
    );
    return id;
  };
  const pay = async (accountId: string, invoiceId: string, amount: number, received: number) => {
    const id = randomUUID();
    await em.execute(
      `insert into payment (id, account_id, amount_minor, currency, received_at, reference, unallocated_minor) values (?, ?, ?, 'EUR', ?, ?, ?)`,
      [id, accountId, amount, at(received), `pay ${id}`, amount],
    );
    await em.execute(`insert into allocation (payment_id, invoice_id, amount_minor, created_at) values (?, ?, ?, ?)`, [id, invoiceId, amount, at(received)]);
  };
  const g = await invoice(a, 'G', -150, -110, 10_000);
  await pay(a, g, 10_000, -115);
  const hInvoice = await invoice(a, 'H', -100, -80, 10_000);
  await pay(a, hInvoice, 8_000, -50);
  const p = await invoice(a, 'P', -60, 5, 50_000);
  await pay(a, p, 20_000, -2);
  await invoice(a, 'Q', -20, 15, 10_000);
  const r = await invoice(a, 'R', -30, 10, 7_000);
  const w = await invoice(a, 'W', -50, -5, 5_000);
  const v = await invoice(a, 'V', -40, 20, 6_000);
  await pay(a, v, 6_000, -1);
  const s = await invoice(b, 'S', -30, 3, 4_000);
  await em.execute(
    `insert into promise (account_id, amount_minor, currency, due_date, until, paid_minor, status, source, created_at)
     values (?, 3000, 'EUR', ?, ?, 0, 'open', 'api', ?)`,
    [b, day(8), at(8), at(-4)],
  );

  const predict = (invoiceId: string, accountId: string, payDay: number) =>
    em.execute(
      `insert into invoice_prediction (invoice_id, account_id, model_id, as_of, late_probability, very_late_probability,
                                       pay_date, pay_date_low, pay_date_high, days_late, confidence)
       values (?, ?, ?, ?, 0.4, 0.1, ?, ?, ?, 0, 'normal')`,
      [invoiceId, accountId, modelId, AS_OF, day(payDay), day(payDay - 5), day(payDay + 5)],
    );
  await predict(p, a, 30);
  await predict(r, a, 120);
  await predict(w, a, -1);
  await predict(v, a, 1);
  await predict(s, b, 7);
}

// Unsorted, in two currencies; nothing was collected after 2025-11-17.
const BACKTEST = {
  horizonWeeks: 4,
  origins: [
    { originDate: '2025-11-17', currency: 'EUR', forecastMinor: '500', dueDateForecastMinor: '800', collectedMinor: '0', invoices: 2 },
    { originDate: '2025-11-03', currency: 'USD', forecastMinor: '100', dueDateForecastMinor: '100', collectedMinor: '100', invoices: 1 },
    { originDate: '2025-11-03', currency: 'EUR', forecastMinor: '11000', dueDateForecastMinor: '15000', collectedMinor: '10000', invoices: 9 },
    { originDate: '2025-11-10', currency: 'EUR', forecastMinor: '9000', dueDateForecastMinor: '6000', collectedMinor: '12000', invoices: 8 },
  ],
};

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  const em = h.db.orm.em.fork();
  modelId = (await storeTestModel(em)).id;
  await em.execute(`update payment_model set backtest = ?::jsonb where id = ?`, [JSON.stringify(BACKTEST), modelId]);
  await em.transactional((tx) => seed(tx as EntityManager));
});
afterAll(async () => {
  await h.close();
});

const dashboard = async (query = ''): Promise<KpiDashboard> => {
  const response = await manager.agent.get(`/api/kpis${query ? `?${query}` : ''}`);
  expect(response.status).toBe(200);
  return response.body as KpiDashboard;
};

const columns = (forecast: ForecastBlock) => forecast.weeks.map((w) => [w.week, w.promisesMinor, w.predictedMinor, w.invoicesMinor, w.totalMinor]);

describe('the cash forecast on predicted payment dates', () => {
  it('places a scored invoice in the week of its predicted payment date, the others by due date and bucket rate', async () => {
    const { forecast } = await dashboard();
    expect(forecast.startDate).toBe(TODAY);
    expect(forecast.rates[0]).toMatchObject({ bucketKey: 'current', baseMinor: '10000', collectedMinor: '8000', rate: 80 });
    const expected = Array.from({ length: 13 }, (_, i) => [i + 1, '0', '0', '0', '0']);
    // W, predicted for a day already passed and still open, in week 1; B's promise in week 2; Q due in week 3 × 80 %;
    // P's 30,000 still open in week 5 where the model puts it, not in week 1 where it falls due. R is predicted
    // beyond the horizon, V was paid since the scoring, and S is left to B's promise.
    expected[0] = [1, '0', '5000', '0', '5000'];
    expected[1] = [2, '3000', '0', '0', '3000'];
    expected[2] = [3, '0', '0', '8000', '8000'];
    expected[4] = [5, '0', '30000', '0', '30000'];
    expect(columns(forecast)).toEqual(expected);
    expect(forecast.totalMinor).toBe('46000');
    expect(forecast.prediction).toEqual({ modelId, asOf: AS_OF, invoices: 3, openMinor: '42000' });
  });

  it('places every invoice by due date and bucket rate for a period that ended before the scoring', async () => {
    const { forecast } = await dashboard(`to=${day(-30)}`);
    expect(forecast.prediction).toBeNull();
    expect(forecast.weeks.every((w) => w.predictedMinor === '0')).toBe(true);
    // From T−30 at the 100 % rate of then: W due in week 4, P and R in week 6, V in week 8; B's promise in week 6.
    const invoices = forecast.weeks.map((w) => w.invoicesMinor);
    expect(invoices[3]).toBe('5000');
    expect(invoices[5]).toBe('57000');
    expect(invoices[7]).toBe('6000');
    expect(forecast.totalMinor).toBe('71000');
  });

  it('puts the predicted column in the forecast CSV', async () => {
    const response = await manager.agent.get('/api/kpis/forecast.csv');
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe('week,start_date,end_date,currency,promises_minor,plans_minor,predicted_minor,invoices_minor,total_minor');
    expect(lines[5]).toBe(`5,${day(28)},${day(34)},EUR,0,0,30000,0,30000`);
  });
});

describe('the forecast backtest', () => {
  it('gives the active model’s backtest in the dashboard’s currency, by date, with errors and MAPE', async () => {
    const { backtest } = await dashboard();
    const expected: BacktestBlock = {
      modelId,
      currency: 'EUR',
      horizonWeeks: 4,
      origins: [
        { originDate: '2025-11-03', invoices: 9, forecastMinor: '11000', dueDateForecastMinor: '15000', collectedMinor: '10000', errorPercent: 10, dueDateErrorPercent: 50 },
        { originDate: '2025-11-10', invoices: 8, forecastMinor: '9000', dueDateForecastMinor: '6000', collectedMinor: '12000', errorPercent: -25, dueDateErrorPercent: -50 },
        { originDate: '2025-11-17', invoices: 2, forecastMinor: '500', dueDateForecastMinor: '800', collectedMinor: '0', errorPercent: null, dueDateErrorPercent: null },
      ],
      // (10 + 25) / 2 and (50 + 50) / 2, over the dates where something was collected.
      meanAbsolutePercentError: 17.5,
      dueDateMeanAbsolutePercentError: 50,
    };
    expect(backtest).toEqual(expected);
  });

  it('follows the currency filter', async () => {
    const usd = (await dashboard('currency=USD')).backtest;
    expect(usd?.origins.map((o) => [o.originDate, o.collectedMinor, o.errorPercent])).toEqual([['2025-11-03', '100', 0]]);
    expect(usd?.meanAbsolutePercentError).toBe(0);
    const gbp = (await dashboard('currency=GBP')).backtest;
    expect(gbp).toMatchObject({ currency: 'GBP', origins: [], meanAbsolutePercentError: null, dueDateMeanAbsolutePercentError: null });
  });

  it('is null when the active model has no backtest', async () => {
    const em = h.db.orm.em.fork();
    await em.execute(`update payment_model set backtest = null where id = ?`, [modelId]);
    try {
      expect((await dashboard()).backtest).toBeNull();
    } finally {
      await em.execute(`update payment_model set backtest = ?::jsonb where id = ?`, [JSON.stringify(BACKTEST), modelId]);
    }
  });
});
