// The module the training pool's thread loads (training-pool.ts): a training run by default, scoring by name.
export { runTraining as default } from './training-run.ts';
export { runScoring } from './scoring.ts';
