import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from '@temporalio/client';
import type { PayloadKeyRing, TemporalConfig } from '@recoup/config';

/** Where and how to reach Temporal. Built from TEMPORAL_* configuration by the caller. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  /** mTLS client certificate and key, and an optional CA, as file paths; or `true` for server TLS only. */
  tls?: boolean | { certPath?: string; keyPath?: string; caPath?: string };
  /** Temporal Cloud API key. Implies TLS. */
  apiKey?: string;
  /** Base URL of the Temporal Web UI, for links. */
  uiUrl?: string;
  /** The payload codec's keys. Every client and worker of one deployment needs the same ring (see codec/). */
  payloadKeys?: PayloadKeyRing;
}

/** Connection options shared by the client and the worker's native connection. */
export function connectionOptions(settings: TemporalSettings): { address: string; tls?: ConnectionOptions['tls']; apiKey?: string } {
  const tls = settings.tls;
  let tlsOption: ConnectionOptions['tls'];
  if (typeof tls === 'object') {
    tlsOption = {
      ...(tls.certPath && tls.keyPath
        ? { clientCertPair: { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } }
        : {}),
      ...(tls.caPath ? { serverRootCACertificate: readFileSync(tls.caPath) } : {}),
    };
  } else if (tls || settings.apiKey) {
    tlsOption = true;
  }
  return {
    address: settings.address,
    ...(tlsOption !== undefined ? { tls: tlsOption } : {}),
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
  };
}

/** Maps the TEMPORAL_* configuration to settings. */
export function temporalSettingsFrom(config: TemporalConfig): TemporalSettings {
  const files = config.tlsCertPath || config.tlsKeyPath || config.tlsCaPath;
  return {
    address: config.address,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    tls: files
      ? {
          ...(config.tlsCertPath ? { certPath: config.tlsCertPath } : {}),
          ...(config.tlsKeyPath ? { keyPath: config.tlsKeyPath } : {}),
          ...(config.tlsCaPath ? { caPath: config.tlsCaPath } : {}),
        }
      : config.tls,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(config.uiUrl ? { uiUrl: config.uiUrl } : {}),
    ...(config.payloadKeys ? { payloadKeys: config.payloadKeys } : {}),
  };
}
