import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  demo: z.boolean(),
  temporalUiUrl: z.string().nullable(),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
