// Seeds: what every installation needs (built-in templates, the default strategy) and the demo portfolio.
export { DEMO_PASSWORD, DEMO_USERS, seedDemo, type PaymentHabit, type SeedDemoOptions, type SeedDemoResult } from './seed-demo.ts';
export { seedEssentials } from './seed-essentials.ts';
