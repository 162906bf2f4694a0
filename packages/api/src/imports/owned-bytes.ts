// A Uint8Array can be transferred to another thread only with its whole ArrayBuffer. A small Buffer is often a view
// into Node's shared pool, whose transfer would take every other Buffer in it along; such bytes are copied instead.

/** Whether the bytes are the whole of their ArrayBuffer, so transferring it takes nothing else. */
export const ownsBuffer = (bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

/** The bytes with an ArrayBuffer of their own: themselves when they have one, else a copy. */
export const owned = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => (ownsBuffer(bytes) ? bytes : new Uint8Array(bytes));
