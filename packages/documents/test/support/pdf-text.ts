import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF as a reader extracts it, lines joined by spaces, read by an independent parser. */
export const pdfPages = async (file: Buffer): Promise<{ pages: string[]; info: Record<string, unknown> }> => {
  const task = getDocument({ data: new Uint8Array(file) });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  const { info } = await pdf.getMetadata();
  await task.destroy();
  return { pages, info: info as Record<string, unknown> };
};
