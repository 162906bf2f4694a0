import { Piscina } from 'piscina';

/**
 * A pool of one worker thread for the module at `url`, started when work arrives and stopped after 30 s idle. One
 * thread: on a small machine the database and the Temporal workers need the other cores, and files are rare.
 */
export const singleThreadPool = <Task, Result>(url: URL): Piscina<Task, Result> =>
  new Piscina<Task, Result>({ filename: url.href, minThreads: 0, maxThreads: 1, idleTimeout: 30_000 });
