// Server configuration: what the API, the worker and the launcher read from the environment. Server-only; the
// web app never imports it (ESLint keeps it out of designer/), so no server setting reaches the browser bundle.
export * from './config.ts';
export * from './payload-keys.ts';
export * from './logger.ts';
