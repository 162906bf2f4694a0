import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);

interface ComposeService {
  image?: string;
  build?: unknown;
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: string[] | Record<string, unknown>;
  healthcheck?: unknown;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

function readCompose(): ComposeFile {
  // Compose honours YAML merge keys (`<<: *shared`), which YAML 1.2 parsers apply only when asked.
  return parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as ComposeFile;
}

function service(compose: ComposeFile, name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function dependencies(svc: ComposeService): Record<string, string | undefined> {
  const deps = svc.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([name, dep]) => [name, dep.condition]));
}

function environmentNames(svc: ComposeService): string[] {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) return env.map((entry) => entry.split('=')[0] ?? entry);
  return Object.keys(env);
}

/** Variable names from README.md's configuration table: rows shaped like "| `VAR_NAME` | ...". */
function documentedVariables(): Set<string> {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  return new Set([...readme.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((match) => match[1] ?? ''));
}

const recoupServices = ['recoup-api', 'recoup-worker'];

describe('docker-compose.yml', () => {
  const compose = readCompose();

  it('defines the whole production-shaped stack', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'smtp', ...recoupServices]) {
      expect(Object.keys(compose.services)).toContain(name);
    }
  });

  it('builds the API and the worker from the repository Dockerfile', () => {
    for (const name of recoupServices) {
      expect(service(compose, name).build).toBeDefined();
    }
  });

  it('starts the API and the worker only once PostgreSQL and Temporal are healthy', () => {
    for (const name of recoupServices) {
      const deps = dependencies(service(compose, name));
      expect(deps['postgres']).toBe('service_healthy');
      expect(deps['temporal']).toBe('service_healthy');
    }
  });

  it('gives every long-running dependency a healthcheck the Recoup services can wait on', () => {
    for (const name of ['postgres', 'temporal', 'smtp', 'recoup-api']) {
      expect(service(compose, name).healthcheck).toBeDefined();
    }
  });

  it('points the Temporal UI at the Temporal server', () => {
    const env = service(compose, 'temporal-ui').environment;
    expect(env).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233' });
  });

  it('configures the Recoup services only with variables documented in the README', () => {
    const documented = documentedVariables();
    expect(documented.size).toBeGreaterThan(0);
    for (const name of recoupServices) {
      const names = environmentNames(service(compose, name));
      expect(names.length).toBeGreaterThan(0);
      const undocumented = names.filter((variable) => !documented.has(variable));
      expect({ service: name, undocumented }).toEqual({ service: name, undocumented: [] });
    }
  });

  it('gives the API the settings it cannot run without', () => {
    const names = environmentNames(service(compose, 'recoup-api'));
    for (const variable of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'SESSION_SECRET', 'PUBLIC_URL', 'PORT']) {
      expect(names).toContain(variable);
    }
  });
});
