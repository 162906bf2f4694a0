import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The workflow list's cursor as the browser holds it: Temporal's own cursor with a MAC the API keyed. Temporal
 * answers a cursor it cannot read with an error its client retries for some twenty seconds; a cursor is opaque,
 * so the only way to know it is Temporal's is to have handed it out. A token is refused at once unless its MAC
 * holds, and the key comes from the configuration, so every API process accepts the others' tokens.
 */
export class PageTokens {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('recoup: workflow list page token').digest();
  }

  seal(cursor: string): string {
    return `${cursor}.${this.#mac(cursor)}`;
  }

  /** The cursor inside a token this API handed out, or null for any other string. */
  open(token: string): string | null {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return null;
    const cursor = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.#mac(cursor));
    return given.length === expected.length && timingSafeEqual(given, expected) ? cursor : null;
  }

  #mac(cursor: string): string {
    return createHmac('sha256', this.#key).update(cursor).digest('base64url');
  }
}
