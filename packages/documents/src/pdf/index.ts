export type { PdfCreditor, PdfRecipient } from './pdf-document.ts';
export * from './statement-pdf.ts';
export * from './invoice-pdf.ts';
export * from './letter-pdf.ts';
