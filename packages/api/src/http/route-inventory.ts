import type { Express } from 'express';

export interface MountedRoute {
  method: string;
  /** The full path as written in the routers, e.g. "/api/accounts/:id/disputes". */
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods?: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

const join = (prefix: string, path: string): string => (path === '/' ? prefix || '/' : `${prefix}${path}`).replace(/\/{2,}/g, '/');

/**
 * Every route the Express app answers, read from its router stack. The input checks use it to name a path
 * parameter; tests use it to reach every route without a hand-kept list (router 2's layers keep the path they were
 * mounted with as `rawPath`). Throws when a layer's path is not a plain string, so a change in Express cannot make
 * the inventory silently empty.
 */
export const mountedRoutes = (app: Express): MountedRoute[] => {
  const root = (app as unknown as { router?: { stack?: LayerLike[] } }).router;
  if (!root?.stack) throw new Error('The app has no router stack to read: has Express changed how it keeps routes?');
  const routes: MountedRoute[] = [];
  const walk = (stack: LayerLike[], prefix: string): void => {
    for (const layer of stack) {
      if (layer.route) {
        if (typeof layer.route.path !== 'string') throw new Error(`A route under ${prefix} has a path that is not a string.`);
        for (const [method, on] of Object.entries(layer.route.methods ?? {})) {
          if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path: join(prefix, layer.route.path) });
        }
      } else if (layer.handle?.stack) {
        if (typeof layer.rawPath !== 'string') throw new Error(`A router mounted under ${prefix} has no plain rawPath.`);
        walk(layer.handle.stack, join(prefix, layer.rawPath));
      }
    }
  };
  walk(root.stack, '');
  return routes;
};
