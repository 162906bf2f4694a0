// Bank files come in the encoding their bank's software writes: UTF-8 (with or without a byte-order mark), UTF-16
// from some Windows exports, and ISO 8859-1 or Windows-1252 from most German and Dutch MT940 producers. The bytes
// are stored as they came; the text the readers see is decoded here: the charset the request names, else UTF-8 if
// the bytes are valid UTF-8, else Windows-1252 (a superset of ISO 8859-1 that every byte decodes in).

function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    return null;
  }
}

export function decodeStatementBytes(bytes: Buffer, contentType: string | undefined): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const named = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  const chosen = named ? decoderFor(named) : null;
  if (chosen) {
    try {
      return stripBom(chosen.decode(bytes));
    } catch {
      // The charset the client named does not fit the bytes; fall back to what the bytes say.
    }
  }
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
