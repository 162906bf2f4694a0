import { createHash } from 'node:crypto';
import { canonicalJson } from '@recoup/domain';

export { canonicalJson };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Checksum stored with each strategy version: sha256 of the graph's canonical JSON. */
export function checksumGraph(graph: unknown): string {
  return sha256Hex(canonicalJson(graph));
}
