import { runTraining } from './training-run.ts';

// The module the training pool's thread loads (training-pool.ts).
export default runTraining;
