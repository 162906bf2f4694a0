import busboy from 'busboy';
import type { Request } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { DISPUTE_ATTACHMENT_MAX_BYTES, DISPUTE_ATTACHMENT_MEDIA_TYPES, DISPUTE_ATTACHMENT_NAME_MAX, type DisputeAttachmentMediaType } from '@recoup/db';
import type { DisputeAttachmentUpload } from '../disputes/disputes.service.ts';

// The dispute form of the portal, sent as multipart/form-data: the invoices ticked, a reason and at most one file.
// The file is read into memory up to the limit and no further; its type is read from its bytes, and it must be
// what its name (and the type the browser declared) says it is. Every refusal names the field and why, and comes
// before anything is written.

/** The largest file a debtor may send with a dispute: 10 MiB, as the table's check constraint allows. */
export const MAX_ATTACHMENT_BYTES = DISPUTE_ATTACHMENT_MAX_BYTES;
/** The longest reason, in characters (UTF-16 code units, as a textarea's maxlength counts them), line breaks as one. */
export const MAX_REASON_CHARS = 2_000;
/** The most invoices one dispute from the portal may name. */
export const MAX_DISPUTE_INVOICES = 200;
/** What the form's other parts may add to the file's bytes: the invoice ids, the reason, boundaries and part headers. */
const FORM_ALLOWANCE_BYTES = 128 * 1024;
/** A reason of MAX_REASON_CHARS characters of up to 4 bytes each in UTF-8, with CRLF line breaks, fits. */
const MAX_FIELD_BYTES = 4 * MAX_REASON_CHARS * 2;

/** The file input's accept attribute: what the form offers to choose. */
export const ATTACHMENT_ACCEPT = DISPUTE_ATTACHMENT_MEDIA_TYPES.join(',');

interface AttachmentKind {
  /** What the debtor calls it: "PDF". */
  label: string;
  /** The file name endings that name it, the first the usual one. */
  extensions: readonly string[];
  /** Other types a browser or an operating system may declare for it. */
  aliases: readonly string[];
}

const KINDS: Readonly<Record<DisputeAttachmentMediaType, AttachmentKind>> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'], aliases: ['application/x-pdf'] },
  'image/png': { label: 'PNG', extensions: ['png'], aliases: ['image/x-png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], aliases: ['image/jpg', 'image/pjpeg'] },
};
/** Declared by a browser that does not know the type: says nothing either way. */
const UNDECLARED = new Set(['', 'application/octet-stream']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DisputeFormField = 'invoice' | 'reason' | 'attachment' | 'form';

/** One thing wrong with the form: the field, and a message key under dispute.errors with its values. */
export interface DisputeFormProblem {
  field: DisputeFormField;
  key: string;
  values?: Record<string, string | number>;
}

/** The form was refused before anything was written: 413 for a file over the limit, 400 for the rest. */
export class DisputeFormRefused extends Error {
  readonly status: 400 | 413;
  readonly problems: readonly DisputeFormProblem[];

  constructor(problems: readonly DisputeFormProblem[]) {
    super(`The dispute form was refused: ${problems.map((p) => `${p.field} ${p.key}`).join(', ')}.`);
    this.name = 'DisputeFormRefused';
    this.problems = problems;
    this.status = problems.some((p) => p.key === 'attachmentTooLarge') ? 413 : 400;
  }
}

/** The form as it arrived, before its checks. */
export interface RawDisputeForm {
  invoices: string[];
  reason: string | null;
  reasonTruncated: boolean;
  attachment: { fileName: string; declaredType: string; content: Buffer } | null;
  /** Problems the reader itself met: a second file, a file in another field, too many fields. */
  problems: DisputeFormProblem[];
}

/** The checked form: what DisputesService.openFromPortal takes. */
export interface DisputeForm {
  invoiceIds: string[];
  reason: string;
  attachment: DisputeAttachmentUpload | null;
}

const tooLarge = (): DisputeFormProblem => ({ field: 'attachment', key: 'attachmentTooLarge', values: { limit: limitText() } });

/** "10 MB": the limit as the form's hint and the refusal say it. */
export const limitText = (): string => `${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB`;

/**
 * Reads the multipart body. A request that declares a body larger than a full form can be is refused before a
 * byte of it is read; a file that grows past the limit stops the reading there, and the rest of the body is
 * discarded unread by the parser, never buffered.
 */
export const readDisputeForm = (req: Request): Promise<RawDisputeForm> =>
  new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(new DisputeFormRefused([{ field: 'form', key: 'formUnreadable' }]));
      return;
    }
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_ATTACHMENT_BYTES + FORM_ALLOWANCE_BYTES) {
      reject(new DisputeFormRefused([tooLarge()]));
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send a file's name as raw UTF-8 in the part header.
        defParamCharset: 'utf8',
        limits: {
          // One byte more than allowed: a file of exactly the limit is whole, one that reaches this is too large.
          fileSize: MAX_ATTACHMENT_BYTES + 1,
          files: 1,
          fields: MAX_DISPUTE_INVOICES + 10,
          parts: MAX_DISPUTE_INVOICES + 12,
          fieldSize: MAX_FIELD_BYTES,
          headerPairs: 20,
        },
      });
    } catch {
      // No boundary, or not multipart after all.
      reject(new DisputeFormRefused([{ field: 'form', key: 'formUnreadable' }]));
      return;
    }
    const form: RawDisputeForm = { invoices: [], reason: null, reasonTruncated: false, attachment: null, problems: [] };
    let settled = false;
    const stop = (refusal: DisputeFormRefused): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // What is left of the body is read off the connection and dropped, so the refusal can be answered.
      req.resume();
      reject(refusal);
    };
    const problem = (found: DisputeFormProblem): void => {
      if (!form.problems.some((p) => p.key === found.key)) form.problems.push(found);
    };

    parser.on('field', (name, value, info) => {
      if (name === 'invoice') {
        form.invoices.push(info.valueTruncated ? '' : value);
      } else if (name === 'reason') {
        form.reason = value;
        form.reasonTruncated = info.valueTruncated;
      }
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'attachment' || form.attachment !== null) {
        stream.resume();
        problem({ field: 'attachment', key: name === 'attachment' ? 'attachmentOnlyOne' : 'attachmentUnexpected' });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const file = { fileName: info.filename ?? '', declaredType: (info.mimeType ?? '').toLowerCase(), content: Buffer.alloc(0) };
      form.attachment = file;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('limit', () => {
        chunks.length = 0;
        stop(new DisputeFormRefused([tooLarge()]));
      });
      stream.on('end', () => {
        file.content = Buffer.concat(chunks, size);
      });
    });
    parser.on('filesLimit', () => problem({ field: 'attachment', key: 'attachmentOnlyOne' }));
    parser.on('fieldsLimit', () => problem({ field: 'invoice', key: 'invoiceTooMany', values: { max: MAX_DISPUTE_INVOICES } }));
    parser.on('partsLimit', () => problem({ field: 'invoice', key: 'invoiceTooMany', values: { max: MAX_DISPUTE_INVOICES } }));
    parser.on('error', () => stop(new DisputeFormRefused([{ field: 'form', key: 'formUnreadable' }])));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve(form);
    });
    req.on('error', () => stop(new DisputeFormRefused([{ field: 'form', key: 'formUnreadable' }])));
    req.pipe(parser);
  });

/** The ending of a file name, lower case, without the dot; '' when it has none. */
const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

const kindNamed = (extension: string): DisputeAttachmentMediaType | null =>
  DISPUTE_ATTACHMENT_MEDIA_TYPES.find((type) => KINDS[type].extensions.includes(extension)) ?? null;

const isAllowed = (mime: string | undefined): mime is DisputeAttachmentMediaType =>
  (DISPUTE_ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mime ?? '');

/**
 * A name fit to store and to offer for saving: no path, no control or bidirectional-override characters, no
 * characters file systems refuse, at most DISPUTE_ATTACHMENT_NAME_MAX long with its ending kept. A name that
 * leaves nothing becomes "attachment.pdf" (or .png, .jpg).
 */
export const sanitiseFileName = (raw: string, type: DisputeAttachmentMediaType): string => {
  const cleaned = printable(raw.split(/[\\/]/).pop() ?? '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+/u, '');
  if (cleaned === '') return `attachment.${KINDS[type].extensions[0] ?? 'bin'}`;
  if (cleaned.length <= DISPUTE_ATTACHMENT_NAME_MAX) return cleaned;
  const ending = extensionOf(cleaned);
  const extension = ending !== '' && ending.length <= 10 ? cleaned.slice(cleaned.length - ending.length - 1) : '';
  // Cut by code points, so a character outside the BMP is never split into a lone surrogate.
  let kept = '';
  for (const char of cleaned.slice(0, cleaned.length - extension.length)) {
    if (kept.length + char.length + extension.length > DISPUTE_ATTACHMENT_NAME_MAX) break;
    kept += char;
  }
  return `${kept.trimEnd()}${extension}`;
};

/** Text safe to show and store: well-formed, composed, without control, format (bidi, zero-width) or line-separator characters. */
const printable = (text: string): string =>
  text
    .toWellFormed()
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/\s+/gu, ' ');

/** The attachment's checks: not empty, a PDF, PNG or JPEG by its bytes, and named and declared as what it is. */
const checkAttachment = async (file: NonNullable<RawDisputeForm['attachment']>): Promise<DisputeAttachmentUpload | DisputeFormProblem | null> => {
  const shownName = [...printable(file.fileName).trim()].slice(0, 100).join('');
  if (file.content.length === 0) {
    // A browser sends an empty part without a name when no file was chosen.
    return file.fileName === '' ? null : { field: 'attachment', key: 'attachmentEmpty', values: { name: shownName } };
  }
  const sniffed = (await fileTypeFromBuffer(file.content))?.mime;
  const named = kindNamed(extensionOf(file.fileName));
  if (!isAllowed(sniffed)) {
    return named
      ? { field: 'attachment', key: 'attachmentNotAsNamed', values: { name: shownName, kind: KINDS[named].label } }
      : { field: 'attachment', key: 'attachmentTypeNotAllowed', values: { name: shownName } };
  }
  const kind = KINDS[sniffed];
  if (named !== sniffed) {
    return named
      ? { field: 'attachment', key: 'attachmentNotAsNamed', values: { name: shownName, kind: KINDS[named].label } }
      : { field: 'attachment', key: 'attachmentNameNotAsContent', values: { name: shownName, kind: kind.label, extension: `.${kind.extensions[0] ?? ''}` } };
  }
  const declared = file.declaredType.split(';')[0]?.trim() ?? '';
  if (!UNDECLARED.has(declared) && declared !== sniffed && !kind.aliases.includes(declared)) {
    return { field: 'attachment', key: 'attachmentDeclaredOtherwise', values: { name: shownName, kind: kind.label, declared: declared.slice(0, 100) } };
  }
  return { fileName: sanitiseFileName(file.fileName, sniffed), mediaType: sniffed, content: file.content };
};

/** Line breaks as one character, the way the textarea counted them; then trimmed. */
const normalisedReason = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** Checks the form as read; refuses it with every problem found, each naming its field. */
export const checkDisputeForm = async (raw: RawDisputeForm): Promise<DisputeForm> => {
  const problems = [...raw.problems];
  const invoiceIds = [...new Set(raw.invoices.map((id) => id.trim().toLowerCase()).filter((id) => id !== ''))];
  if (raw.invoices.some((id) => id.trim() !== '' && !UUID.test(id.trim()))) {
    problems.push({ field: 'invoice', key: 'invoiceNotOpen' });
  } else if (invoiceIds.length === 0) {
    problems.push({ field: 'invoice', key: 'invoiceMissing' });
  } else if (invoiceIds.length > MAX_DISPUTE_INVOICES && !problems.some((p) => p.key === 'invoiceTooMany')) {
    problems.push({ field: 'invoice', key: 'invoiceTooMany', values: { max: MAX_DISPUTE_INVOICES } });
  }
  const reason = normalisedReason(raw.reason ?? '');
  if (raw.reasonTruncated || reason.length > MAX_REASON_CHARS) {
    problems.push({ field: 'reason', key: 'reasonTooLong', values: { max: MAX_REASON_CHARS } });
  } else if (reason === '') {
    problems.push({ field: 'reason', key: 'reasonMissing' });
  } else if (reason.includes('\u0000')) {
    problems.push({ field: 'reason', key: 'reasonUnstorable' });
  }
  const checked = raw.attachment ? await checkAttachment(raw.attachment) : null;
  if (checked && 'key' in checked) problems.push(checked);
  if (problems.length > 0) throw new DisputeFormRefused(problems);
  return { invoiceIds, reason, attachment: checked && !('key' in checked) ? checked : null };
};
