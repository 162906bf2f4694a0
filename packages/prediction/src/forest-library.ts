import { createRequire } from 'node:module';

// Google's Yggdrasil Decision Forests, compiled to WebAssembly (the `ydf-training` package): gradient boosted trees
// and random forests that train and predict in this process, with the WebAssembly shipped inside the package, so
// nothing is downloaded at install or run time. It takes columns by name, numbers or category strings, and treats
// NaN as a missing value.

/** Column name to values: numbers (NaN where missing) or category strings. */
export type ForestTable = Record<string, number[] | string[]>;

/** A row to predict: numbers may be null where missing. */
export type ForestInput = Record<string, (number | null)[] | (string | null)[]>;

export type ForestTask = 'CLASSIFICATION' | 'REGRESSION';
export type ForestLearner = 'gradient-boosted-trees' | 'random-forest';

export interface ForestModel {
  /** Classes in the order of each prediction's probabilities; empty for regression. */
  getLabelClasses(): string[];
  /**
   * Regression: one number per row. Classification: for two classes, the second class's probability per row; for
   * more, every row's probabilities in class order, one row after another in one flat list.
   */
  predict(rows: ForestInput): number[];
  save(): Promise<Blob>;
  unload(): void;
}

interface ForestModule {
  GradientBoostedTreesLearner: new (label: string, task: ForestTask) => { train(table: ForestTable): ForestModel };
  RandomForestLearner: new (label: string, task: ForestTask) => { train(table: ForestTable): ForestModel };
  loadModelFromZipBlob(blob: Blob): Promise<ForestModel>;
}

const require = createRequire(import.meta.url);
let loading: Promise<ForestModule> | null = null;

/** The library, loaded once per process. */
export function forestLibrary(): Promise<ForestModule> {
  // A saved model is a zip archive, and the library expects JSZip (its own dependency) as a global to write one.
  (globalThis as { JSZip?: unknown }).JSZip ??= require('jszip');
  const load = require('ydf-training') as (options: { print(): void; printErr(): void }) => Promise<ForestModule>;
  // Its training progress goes to stdout; a Recoup process logs through its own logger instead.
  loading ??= load({ print: () => {}, printErr: () => {} });
  return loading;
}

const LEARNERS = { 'gradient-boosted-trees': 'GradientBoostedTreesLearner', 'random-forest': 'RandomForestLearner' } as const;

export async function trainForest(learner: ForestLearner, task: ForestTask, label: string, table: ForestTable): Promise<ForestModel> {
  const library = await forestLibrary();
  return new library[LEARNERS[learner]](label, task).train(table);
}

/** Runs `work` with console.log silenced: the library prints each file name as it zips a model. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => {};
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

export async function saveForest(model: ForestModel): Promise<Uint8Array> {
  return quietly(async () => new Uint8Array(await (await model.save()).arrayBuffer()));
}

export async function loadForest(bytes: Uint8Array): Promise<ForestModel> {
  const library = await forestLibrary();
  // JSZip, which reads the archive, takes bytes as well as the Blob the library's name promises.
  return quietly(() => library.loadModelFromZipBlob(bytes as unknown as Blob));
}
