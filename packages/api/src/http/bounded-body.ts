import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { sendContinue } from './expect-continue.ts';
import { InvalidInputError, ApiError, TooLargeError } from '../errors.ts';

// Reads a request body as bytes, never more than a bound, for routes that hand the body on unparsed (a portfolio
// file goes to a worker thread). The bound is on the bytes after any Content-Encoding is undone, as the body parsers
// count, so a small gzip that inflates to gigabytes stops at the bound too. A body over it is refused with 413 as
// soon as it is known to be over: from its Content-Length before any of it is read, else at the first byte beyond.
// Reading stops there, nothing read is kept, and the connection is closed once the answer is out, so the rest of
// the upload is neither buffered nor waited for.

const DECOMPRESSORS: Record<string, (() => Transform) | null> = {
  identity: null,
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

const MIB = 1024 * 1024;

/** "50 MiB", "1.5 MiB" or "65536 bytes": the bound as the refusal names it. */
export const formatBytes = (bytes: number): string =>
  bytes >= MIB ? `${Number((bytes / MIB).toFixed(1))} MiB` : `${bytes} bytes`;

export interface BodyBound {
  maxBytes: number;
  /** What the body is, for the refusal: "A portfolio file". */
  what: string;
  /** The setting that holds the bound, named in the refusal so an operator knows what to change. */
  setting: string;
}

const tooLarge = (bound: BodyBound): TooLargeError =>
  new TooLargeError(
    `${bound.what} may be at most ${formatBytes(bound.maxBytes)} (${bound.setting}); this one is larger, and nothing of it was stored.`,
    'payload-too-large',
    { maxBytes: bound.maxBytes },
  );

/**
 * The body's bytes in one Uint8Array that owns its whole ArrayBuffer (so it can be transferred to a worker thread
 * rather than copied), or a refusal: 413 over the bound, 415 for a Content-Encoding it cannot undo, 400 for a body
 * that does not inflate or an upload that broke off.
 */
export const readBoundedBody = (req: IncomingMessage, res: ServerResponse, bound: BodyBound): Promise<Uint8Array> => {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompressor = DECOMPRESSORS[encoding];
  if (decompressor === undefined) {
    return Promise.reject(new ApiError('unsupported', 'unsupported-media-type', `Content-Encoding "${encoding}" is not supported; send identity, gzip, deflate or br.`));
  }
  const refuse = (): TooLargeError => {
    // Whatever the client still sends is not read: the socket closes after the answer.
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.destroy());
    return tooLarge(bound);
  };
  if (encoding === 'identity' && Number(req.headers['content-length'] ?? 0) > bound.maxBytes) return Promise.reject(refuse());
  sendContinue(req, res);

  const inflate = decompressor?.() ?? null;
  const source: Readable = inflate ? req.pipe(inflate) : req;
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: Uint8Array | Error): void => {
      if (settled) return;
      settled = true;
      source.off('data', onData);
      if (inflate) {
        req.unpipe(inflate);
        inflate.destroy();
      }
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > bound.maxBytes) {
        req.pause();
        chunks.length = 0;
        settle(refuse());
        return;
      }
      chunks.push(chunk);
    };
    source.on('data', onData);
    source.once('end', () => {
      // A fresh Uint8Array, not Buffer.concat: a small Buffer may share the pool's ArrayBuffer with others.
      const body = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        body.set(chunk, at);
        at += chunk.length;
      }
      settle(body);
    });
    source.once('error', (error) =>
      settle(source === req ? aborted() : new InvalidInputError('malformed-body', `The body could not be decoded as ${encoding}: ${error.message}`)),
    );
    req.once('close', () => {
      if (!req.complete) settle(aborted());
    });
  });
};

const aborted = (): InvalidInputError => new InvalidInputError('request-aborted', 'The upload broke off before the whole body arrived.');
