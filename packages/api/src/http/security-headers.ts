import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Browser hardening on every response. The built web app loads only its own script and style files, so scripts
 * come from 'self' alone; styles also allow inline style attributes, which React Flow sets on every node and edge
 * (and the opt-out pages carry one small style element). Framing is refused (clickjacking). HSTS and upgrading
 * requests only make sense, and are only sent, when the app is served over https.
 *
 * Referrer-Policy is same-origin rather than no-referrer: under no-referrer a browser sends `Origin: null` even on
 * the app's own POSTs, and the Origin check would then refuse them. same-origin still sends nothing to other sites.
 *
 * Forms post to 'self' and, given `formTargets`, to the payment provider's hosted checkout: the portal's payment
 * form is answered with a redirect there, and a browser applies form-action to where the redirect leads as well.
 */
export const securityHeaders = (https: boolean, formTargets: readonly string[] = []): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'", ...formTargets],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
