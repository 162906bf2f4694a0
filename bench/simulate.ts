import { DEFAULT_STRATEGY, generatePortfolio, simulate, type Scenario } from '@recoup/domain';

// Simulates the default strategy over a synthetic portfolio on a virtual clock and prints how many account-days
// per second the pure simulator manages, so a change to the interpreter that slows it down shows up here.
//
//   sh scripts/pnpm.sh exec node bench/simulate.ts            (ACCOUNTS=10000 DAYS=120 SEED=42 by default)

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 10_000);
const DAYS = Number(process.env.DAYS ?? 120);
const SEED = Number(process.env.SEED ?? 42);
const START = new Date('2025-01-01T00:00:00.000Z');

const scenario: Scenario = {
  payOnTime: 0.4,
  payAfterReminder: 0.15,
  taskOutcomes: { 'promise-to-pay': 0.3, 'no-contact': 0.5, 'wrong-number': 0.1, dispute: 0.1 },
};

const accounts = generatePortfolio(ACCOUNTS, START, SEED);
// One untimed pass first so that the measured pass runs optimised code, as a long-lived API process would.
simulate(DEFAULT_STRATEGY.graph, { start: START, days: DAYS, accounts: accounts.slice(0, 500), scenario, seed: SEED });

const began = performance.now();
const result = simulate(DEFAULT_STRATEGY.graph, { start: START, days: DAYS, accounts, scenario, seed: SEED });
const seconds = (performance.now() - began) / 1000;

const ended = result.accounts.filter((a) => a.outcome !== null).length;
console.log(`accounts: ${ACCOUNTS}, days: ${DAYS}, seed: ${SEED}`);
console.log(`wall time: ${seconds.toFixed(3)} s`);
console.log(`totals: ${JSON.stringify(result.totals)}, runs ended: ${ended}`);
console.log(`RESULT accounts x days per second: ${Math.round((ACCOUNTS * DAYS) / seconds)}`);
