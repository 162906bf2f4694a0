import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  areaUnderRoc,
  brierScore,
  intervalCoverage,
  meanAbsoluteError,
  OPEN_SNAPSHOT_DAYS,
  quantile,
  splitByTime,
  trainingExamples,
  type CustomerHistory,
  type TrainingExample,
} from '@recoup/domain';
import { explain, measure, readIbmReceivables, trainPaymentModel, type ForestLearner, type ValidationMetrics } from '@recoup/prediction';

// Trains the payment models on the public accounts-receivable data set and measures them on invoices they never
// saw: the earliest 70 % of invoices by invoice date train, the rest test, each test invoice scored as of its issue
// day. Two baselines get the same figures: the customer's own history (its late rate, its median payment day and
// the 10th to 90th percentile of its payment days), and "pays on the due date". Then the same training at the scale
// of a large portfolio, for time.
//
//   node bench/predict.ts                       the data set in test/fixtures/datasets
//   DATASET=path/to.csv node bench/predict.ts   another copy of it
//   LEARNER=random-forest                       the other learner (default gradient-boosted-trees)
//   SCALE_INVOICES=100000                       invoices for the timing run (0 skips it)
//   SNAPSHOTS=0                                 train on issue-day examples only, without the open snapshots

const DATASET = process.env.DATASET ?? fileURLToPath(new URL('../test/fixtures/datasets/ibm-accounts-receivable.csv', import.meta.url));
const LEARNER = (process.env.LEARNER ?? 'gradient-boosted-trees') as ForestLearner;
const SCALE_INVOICES = Number(process.env.SCALE_INVOICES ?? 100_000);
const TRAIN_SHARE = 0.7;

const fmt = (value: number | null, digits = 3) => (value === null ? 'n/a' : value.toFixed(digits));

function row(name: string, m: Omit<ValidationMetrics, 'invoices'>) {
  console.log(
    `${name.padEnd(34)} AUC ${fmt(m.lateAuc).padStart(5)}  Brier ${fmt(m.lateBrier).padStart(5)}  very-late AUC ${fmt(m.veryLateAuc).padStart(5)}  ` +
      `pay-day MAE ${fmt(m.payDayMae, 2).padStart(5)} d  in interval ${m.intervalCoverage === null ? 'n/a' : `${(m.intervalCoverage * 100).toFixed(1)} %`}`,
  );
}

/** The customer's own history as the predictor: its late rate, and its payment days before the invoice. */
function historyBaseline(histories: readonly CustomerHistory[], test: readonly TrainingExample[], populationLateShare: number) {
  const byCustomer = new Map(histories.map((h) => [h.customer.customerId, h]));
  const offsets = test.map((e) =>
    byCustomer
      .get(e.customerId)!
      .invoices.filter((inv) => inv.id !== e.invoiceId && inv.settledOn !== null && inv.settledOn < e.asOf)
      .map((inv) => inv.settledOn! - inv.dueOn)
      .sort((a, b) => a - b),
  );
  const late = test.map((e) => e.outcome.late);
  const p = test.map((e) => e.features.lateShare ?? populationLateShare);
  const actual = test.map((e) => e.outcome.offsetDays);
  return {
    lateAuc: areaUnderRoc(p, late),
    lateBrier: brierScore(p, late),
    veryLateAuc: areaUnderRoc(
      test.map((e) => e.features.p90DaysLate ?? 0),
      test.map((e) => e.outcome.veryLate),
    ),
    payDayMae: meanAbsoluteError(
      offsets.map((o) => Math.round(quantile(o, 0.5) ?? 0)),
      actual,
    ),
    intervalCoverage: intervalCoverage(
      offsets.map((o) => ({ low: Math.floor(quantile(o, 0.1) ?? 0), high: Math.ceil(quantile(o, 0.9) ?? 0) })),
      actual,
    ),
  };
}

function dueDateBaseline(test: readonly TrainingExample[], populationLateShare: number) {
  const late = test.map((e) => e.outcome.late);
  const actual = test.map((e) => e.outcome.offsetDays);
  return {
    lateAuc: areaUnderRoc(
      test.map(() => populationLateShare),
      late,
    ),
    lateBrier: brierScore(
      test.map(() => populationLateShare),
      late,
    ),
    veryLateAuc: null,
    payDayMae: meanAbsoluteError(
      test.map(() => 0),
      actual,
    ),
    intervalCoverage: intervalCoverage(
      test.map(() => ({ low: 0, high: 0 })),
      actual,
    ),
  };
}

/** A portfolio of `invoices` built from the data set's customers, copied under new ids and shifted in time. */
function scaledPortfolio(histories: readonly CustomerHistory[], invoices: number): CustomerHistory[] {
  const perCopy = histories.reduce((sum, h) => sum + h.invoices.length, 0);
  return Array.from({ length: Math.ceil(invoices / perCopy) }, (_, copy) =>
    histories.map((h) => ({
      ...h,
      customer: { ...h.customer, customerId: `${h.customer.customerId}#${copy}` },
      invoices: h.invoices.map((inv) => ({
        ...inv,
        id: `${inv.id}#${copy}`,
        issuedOn: inv.issuedOn + copy,
        dueOn: inv.dueOn + copy,
        settledOn: inv.settledOn === null ? null : inv.settledOn + copy,
        payments: inv.payments.map((p) => ({ ...p, on: p.on + copy })),
        disputesOpenedOn: inv.disputesOpenedOn.map((d) => d + copy),
      })),
    })),
  ).flat();
}

const seconds = (from: number) => (performance.now() - from) / 1000;

async function main() {
  const histories = readIbmReceivables(readFileSync(DATASET, 'utf8'));
  const all = trainingExamples(histories, { openSnapshots: process.env.SNAPSHOTS === '0' ? [] : OPEN_SNAPSHOT_DAYS });
  const { earlier, later } = splitByTime(all, TRAIN_SHARE);
  const test = later.filter((e) => e.asOf === e.issuedOn);
  const invoices = new Set(all.map((e) => e.invoiceId)).size;
  console.log(`${DATASET}`);
  console.log(
    `${invoices} paid invoices of ${histories.length} customers; training on the earliest ${new Set(earlier.map((e) => e.invoiceId)).size} by invoice date ` +
      `(${earlier.length} examples with open snapshots), testing on the latest ${test.length} as of their issue day. Learner: ${LEARNER}.`,
  );
  const started = performance.now();
  const model = await trainPaymentModel(earlier, { learner: LEARNER });
  const trainSeconds = seconds(started);
  const scoring = performance.now();
  const predictions = model.predict(test.map((e) => e.features));
  const scoreSeconds = seconds(scoring);
  const trainLateShare = earlier.filter((e) => e.asOf === e.issuedOn && e.outcome.late).length / earlier.filter((e) => e.asOf === e.issuedOn).length;

  console.log('\nOn the test invoices:');
  row('Recoup payment model', measure(predictions, test));
  row("Baseline: the customer's history", historyBaseline(histories, test, trainLateShare));
  row('Baseline: pays on the due date', dueDateBaseline(test, trainLateShare));
  const low = predictions.filter((p) => p.confidence === 'low').length;
  console.log(`${low} of ${test.length} test invoices had too little history and were answered by the population model.`);
  console.log('\nThe model’s own validation (its latest 20 % of training invoices):');
  row('  validation', model.description.validation);
  console.log('Features that matter most (AUC lost when shuffled):');
  for (const f of model.description.importance.slice(0, 8)) console.log(`  ${f.feature.padEnd(24)} ${f.aucDrop.toFixed(4)}`);
  console.log(`\nTraining took ${trainSeconds.toFixed(1)} s on ${earlier.length} examples; scoring ${test.length} invoices took ${(scoreSeconds * 1000).toFixed(0)} ms.`);
  model.unload();

  if (SCALE_INVOICES > 0) {
    const portfolio = scaledPortfolio(histories, SCALE_INVOICES);
    const featuresStarted = performance.now();
    const examples = trainingExamples(portfolio, { openSnapshots: OPEN_SNAPSHOT_DAYS });
    const featureSeconds = seconds(featuresStarted);
    const trainStarted = performance.now();
    const big = await trainPaymentModel(examples, { learner: LEARNER });
    const bigTrain = seconds(trainStarted);
    const open = examples.filter((e) => e.asOf === e.issuedOn).slice(0, SCALE_INVOICES);
    const scoreStarted = performance.now();
    const scored = big.predict(open.map((e) => e.features));
    const bigScore = seconds(scoreStarted);
    // The scoring run also explains every prediction (scoring.ts), each reason one more pass of the models.
    const explainStarted = performance.now();
    explain(
      big,
      open.map((e) => e.features),
      scored,
    );
    const bigExplain = seconds(explainStarted);
    const invoiceCount = new Set(examples.map((e) => e.invoiceId)).size;
    console.log(`\nAt scale: ${invoiceCount} invoices, ${examples.length} examples.`);
    console.log(`  features ${featureSeconds.toFixed(1)} s, training ${bigTrain.toFixed(1)} s (${((bigTrain / invoiceCount) * 10_000).toFixed(1)} s per 10,000 invoices)`);
    console.log(`  scoring ${open.length} invoices ${bigScore.toFixed(1)} s (${((bigScore / open.length) * 10_000).toFixed(2)} s per 10,000)`);
    console.log(`  their reasons ${bigExplain.toFixed(1)} s more: ${(bigScore + bigExplain).toFixed(1)} s for a scoring run (${(((bigScore + bigExplain) / open.length) * 10_000).toFixed(2)} s per 10,000)`);
    big.unload();
  }
}

await main();
