// The keys that encrypt what Recoup stores in Temporal (workflow inputs, activity results, messages), written the
// way TEMPORAL_PAYLOAD_KEYS and the generated key file hold them: `id:base64key` entries separated by commas or
// new lines. Pure text handling: the bytes are only decoded where the codec runs.

/** A key id goes into every encrypted payload's metadata: short, and safe in a header or a file name. */
export const PAYLOAD_KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** 32 bytes (AES-256) in standard base64: 43 characters and one '=' of padding, as `openssl rand -base64 32` prints. */
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export interface PayloadKey {
  id: string;
  /** The 32-byte key, base64. */
  key: string;
}

/** Every key that may decrypt, and the one that encrypts. */
export interface PayloadKeyRing {
  activeKeyId: string;
  keys: readonly PayloadKey[];
}

export type PayloadKeyListParse = { ok: true; keys: PayloadKey[] } | { ok: false; problems: string[] };

/** Reads `id:base64key` entries; every problem is named, none shows a key. */
export const parsePayloadKeyList = (text: string): PayloadKeyListParse => {
  const entries = text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const problems: string[] = [];
  const keys: PayloadKey[] = [];
  if (entries.length === 0) problems.push('holds no key');
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const id = separator < 0 ? '' : entry.slice(0, separator).trim();
    const key = separator < 0 ? '' : entry.slice(separator + 1).trim();
    const where = `entry ${index + 1}`;
    if (separator < 0) {
      problems.push(`${where} must be id:base64key`);
      return;
    }
    if (!PAYLOAD_KEY_ID_PATTERN.test(id)) {
      problems.push(`${where} has a key id that is not 1 to 64 letters, digits, dots, dashes or underscores`);
      return;
    }
    if (!BASE64_32_BYTES.test(key)) {
      problems.push(`key "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`);
      return;
    }
    if (keys.some((k) => k.id === id)) {
      problems.push(`key id "${id}" appears twice`);
      return;
    }
    keys.push({ id, key });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
};

/** The inverse of parsePayloadKeyList, for writing the generated key file and passing keys to a child process. */
export const formatPayloadKeyList = (keys: readonly PayloadKey[]): string => keys.map((k) => `${k.id}:${k.key}`).join(',');
