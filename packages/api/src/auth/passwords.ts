import { hash, verify } from '@node-rs/argon2';

// argon2id is the library's default algorithm; the parameters are OWASP's minimum for argon2id (19 MiB, t=2, p=1).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = async (password: string): Promise<string> => hash(password, OPTIONS);

/** False for a wrong password and for a stored hash that is not an argon2 hash at all. */
export const verifyPassword = async (storedHash: string, password: string): Promise<boolean> => {
  if (!storedHash.startsWith('$argon2')) return false;
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
};
