// Simulations must be reproducible from their input alone, so randomness comes from a seeded generator rather than
// Math.random. mulberry32 is tiny, fast and good enough for drawing scenario outcomes (not for anything secret).

/** A 32-bit FNV-1a hash: turns an account id into generator state so each account draws independently. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Returns a generator of floats in [0, 1) fully determined by `seed`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The generator for one account of one simulation. Mixing the seed into the hash basis (rather than adding it
 * afterwards) keeps neighbouring seeds from producing shifted copies of the same streams.
 */
export function accountRandom(seed: number, accountId: string): () => number {
  const mixed = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return mulberry32(hashString(accountId, mixed ^ 0x811c9dc5));
}
