export { mountedRoutes, type MountedRoute } from '../../src/http/route-inventory.ts';
