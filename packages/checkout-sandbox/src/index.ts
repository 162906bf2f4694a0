// The public entry of @recoup/checkout-sandbox: a Stripe Checkout stand-in for tests and the embedded default.
export {
  CheckoutSandboxStartError,
  startCheckoutSandbox,
  type RunningCheckoutSandbox,
  type StartCheckoutSandboxOptions,
} from './start-checkout-sandbox.ts';
export { createSandboxServer, DEFAULT_API_KEY, type SandboxServer, type SandboxServerOptions } from './server.ts';
export { parseSettings, SandboxSettingsError, type SandboxSettings } from './settings.ts';
export type { CheckoutSession, PaymentMethodType, PaymentStatus, SessionStatus } from './core/checkout-session.ts';
export type { EventType, StripeEvent } from './core/stripe-event.ts';
export type { DeliveryAttempt, DeliveryTrigger } from './core/webhook-dispatcher.ts';
export { stripeSignatureHeader } from './core/webhook-signature.ts';
