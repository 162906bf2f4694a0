import { z } from 'zod';

// The server's Content-Security-Policy allows no string evaluation. zod would otherwise probe for it (with
// `Function('')`) while building its first object schema, and the browser reports every refused probe as a CSP
// violation. Imported first by main.tsx, so it runs before any module builds a schema.
z.config({ jitless: true });
