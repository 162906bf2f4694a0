import { z } from 'zod';

/** The one line main.ts writes to stdout once it listens; startCheckoutSandbox waits for it. */
export const listeningLine = z.object({
  event: z.literal('listening'),
  url: z.url(),
  webhookSecret: z.string().min(1),
});

export type ListeningLine = z.output<typeof listeningLine>;
