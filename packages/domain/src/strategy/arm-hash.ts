// Which arm an account lands in must never change for the life of an assignment, on any machine or Node version,
// so the hash is spelled out here rather than borrowed: changing this file reshuffles every running experiment.
// The simulator's own FNV-1a copy seeds random streams and may evolve independently.

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * murmur3's 32-bit finaliser. FNV-1a leaves its low bits poorly mixed for keys that differ only in their last
 * characters (sequential references such as ACC-0001, ACC-0002), and the bucket is taken from the low end.
 */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const ARM_BUCKETS = 100;

/** The account's bucket from 0 to 99: one bucket per percent of a split. */
export function armBucket(accountId: string): number {
  return fmix32(fnv1a32(accountId)) % ARM_BUCKETS;
}
