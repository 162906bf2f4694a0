import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The API package's version, as health answers and the contract states it. */
export const apiVersion = (): string => {
  if (version !== undefined) return version;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    version = pkg.version ?? '0.0.0';
  } catch {
    version = '0.0.0';
  }
  return version;
};
