import type { IncomingMessage } from 'node:http';
import { Router, type Request, type Response } from 'express';
import { idParamsSchema, importQuerySchema, type ImportQuery } from '@recoup/contracts';
import { type ImportLimitsConfig } from '@recoup/config';
import { currentUser } from '../auth/current-user.ts';
import { requireRole } from '../auth/require-auth.ts';
import { answerWhenDone } from '../http/answer-when-done.ts';
import { readBoundedBody } from '../http/bounded-body.ts';
import { BusinessRuleError, ApiError, UnsupportedMediaTypeError } from '../errors.ts';
import { parseParams, parseQuery } from '../http/validate.ts';
import { ImportSlots } from './import-slots.ts';
import type { ImportOutcome, ImportsService, WrittenImport } from './imports.service.ts';
import type { ParsePool } from './parse-pool.ts';

// A portfolio file is read here as it arrives, never parsed on the request thread: the body parsers leave these two
// routes alone (see isPortfolioUpload), the bytes are bounded as they come in and go to the parse worker whole.

const UPLOADS = new Set(['/api/imports/portfolio', '/api/imports/portfolio.csv']);

/** Whether the request is a portfolio upload, as the router would match it: any case, a trailing slash or not. */
export const isPortfolioUpload = (req: IncomingMessage): boolean => {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  return req.method === 'POST' && UPLOADS.has((url.split('?')[0] ?? '').toLowerCase().replace(/\/+$/, ''));
};

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/** The body's charset as TextDecoder names it (UTF-8 when none is given), or 415 for one the route cannot read. */
const charsetOf = (req: Request, accepted: (encoding: string) => boolean): string => {
  const label = CHARSET.exec(req.headers['content-type'] ?? '')?.[1] ?? 'utf-8';
  let encoding = '';
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    // Not a charset TextDecoder knows.
  }
  if (!accepted(encoding)) throw new ApiError('unsupported', 'unsupported-media-type', `unsupported charset "${label.toUpperCase()}"`);
  return encoding;
};

/** A refused file answers 422 with every problem; a written one is the import to finish. */
const written = (outcome: ImportOutcome, query: ImportQuery): WrittenImport => {
  if (outcome.kind === 'rejected') {
    throw new BusinessRuleError(
      'import-rejected',
      query.mode === 'valid-only'
        ? 'Nothing could be imported: every row has a problem, or the file itself is unusable.'
        : `The import was refused: ${outcome.rows.length} problem(s). Nothing was imported.`,
      { batchId: outcome.batchId, rowsTotal: outcome.rowsTotal, rows: outcome.rows, skipped: outcome.skipped },
    );
  }
  return outcome;
};

export const importsRoutes = (imports: ImportsService, parsing: ParsePool, limits: ImportLimitsConfig): Router => {
  const router = Router();
  const writers = requireRole('admin', 'manager');
  const slots = new ImportSlots(limits.concurrent);

  /**
   * Reads, checks and writes the file while holding one of the slots, then answers 201 once its workflows have
   * started. The slot is free again as soon as the import is committed: starting workflows holds no file.
   */
  const upload = async (req: Request, res: Response, format: 'csv' | 'json', charset: string, query: ImportQuery): Promise<void> => {
    const release = slots.take();
    let outcome: ImportOutcome;
    try {
      const bytes = await readBoundedBody(req, res, { maxBytes: limits.maxBytes, what: 'A portfolio file', setting: 'IMPORT_MAX_BYTES' });
      outcome = await imports.importPortfolio({
        format,
        filename: query.filename ?? `portfolio.${format}`,
        mode: query.mode,
        user: currentUser(req),
        parsed: await parsing.parse(format, bytes, { charset, maxRows: limits.maxRows }),
      });
    } finally {
      release();
    }
    await answerWhenDone(res, 201, imports.startWorkflows(written(outcome, query)));
  };

  router.post('/portfolio', writers, async (req, res) => {
    const query = parseQuery(importQuerySchema, req);
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError('application/json');
    // As the JSON body parser: UTF-8, or UTF-16 when the client says so.
    await upload(req, res, 'json', charsetOf(req, (encoding) => encoding.startsWith('utf-')), query);
  });

  router.post('/portfolio.csv', writers, async (req, res) => {
    const query = parseQuery(importQuerySchema, req);
    if (!req.is('text/csv')) throw new UnsupportedMediaTypeError('text/csv');
    await upload(req, res, 'csv', charsetOf(req, (encoding) => encoding !== ''), query);
  });

  router.get('/:id', writers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    res.json(await imports.getBatch(id));
  });

  router.get('/:id/raw', writers, async (req, res) => {
    const { id } = parseParams(idParamsSchema, req);
    const raw = await imports.getRaw(id);
    // The file is whatever the uploader sent, under the name they chose: it is only ever offered for saving, never
    // shown or run. The type follows the stored format, not the name (attachment() would take "x.html" as HTML),
    // the browser may not sniff another, and a CSP sandbox covers a browser that opens it anyway.
    res.attachment(raw.filename);
    res.type(raw.format === 'csv' ? 'text/csv' : 'application/json');
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "sandbox; default-src 'none'" });
    res.send(raw.raw);
  });

  return router;
};
