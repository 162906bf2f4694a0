import { z } from 'zod';
import { errorMessage } from '@recoup/domain';

// A strategy as a file: what export writes and import reads. The graph is kept exactly as the designer holds it,
// so exporting, importing and exporting again gives the same bytes.

export const STRATEGY_FILE_FORMAT = 'recoup-strategy';

export interface StrategyFile {
  format: typeof STRATEGY_FILE_FORMAT;
  formatVersion: 1;
  name: string;
  description: string;
  graph: unknown;
}

const fileSchema = z.object({
  format: z.literal(STRATEGY_FILE_FORMAT),
  formatVersion: z.literal(1),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  graph: z.object({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) }).passthrough(),
});

export class StrategyFileError extends Error {
  override readonly name = 'StrategyFileError';
}

export function writeStrategyFile(file: Omit<StrategyFile, 'format' | 'formatVersion'>): string {
  const content: StrategyFile = { format: STRATEGY_FILE_FORMAT, formatVersion: 1, name: file.name, description: file.description, graph: file.graph };
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** Reads an exported strategy, or a bare strategy document ({ nodes, edges }) named after the file. */
export function readStrategyFile(text: string, fileName: string): Omit<StrategyFile, 'format' | 'formatVersion'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StrategyFileError(`${fileName} is not JSON: ${errorMessage(error)}`);
  }
  if (typeof json === 'object' && json !== null && !('format' in json) && 'nodes' in json && 'edges' in json) {
    return { name: fileName.replace(/\.json$/i, ''), description: '', graph: json };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StrategyFileError(
      `${fileName} is not a Recoup strategy file: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'unexpected content'}`,
    );
  }
  return { name: parsed.data.name, description: parsed.data.description, graph: parsed.data.graph };
}

/** Offers text to the browser as a file download. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export const fileNameFor = (name: string): string =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'strategy'}.strategy.json`;
