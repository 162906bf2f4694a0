import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import type { ApiFailure } from '../api/api-failure.ts';
import { useDebouncedValue } from '../shared/use-debounced-value.ts';
import { previewTemplate } from './templates.api.ts';
import type { Preview, PreviewRequest } from './templates.api.ts';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; last: Preview | null }
  | { status: 'ready'; preview: Preview }
  | { status: 'failed'; failure: ApiFailure };

export const PREVIEW_DELAY_MS = 400;

/**
 * The server's rendering of the texts being edited, asked for once typing pauses. The server renders with the
 * same view and the same Mustache settings a real reminder uses, so what shows is what the debtor gets.
 */
export function useTemplatePreview(request: PreviewRequest | null): PreviewState {
  const api = useApi();
  // Debounce the request's JSON, not the object: the caller builds a new object every render, and the same
  // texts must not ask again. Reading it back below is a round trip of our own value, not input from outside.
  const settled = useDebouncedValue(request === null ? null : JSON.stringify(request), PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: ['template-preview', settled],
    queryFn: settled === null ? skipToken : ({ signal }) => previewTemplate(api, JSON.parse(settled) as PreviewRequest, signal),
    // While the next rendering is on its way, the last one stays in view, marked stale.
    placeholderData: keepPreviousData,
  });

  if (settled === null) return { status: 'idle' };
  if (preview.isFetching || preview.isPending) return { status: 'loading', last: preview.data ?? null };
  if (preview.isError) return { status: 'failed', failure: describeFailure(preview.error, 'The preview could not be rendered.') };
  return { status: 'ready', preview: preview.data };
}
