/**
 * Everything the Defender clients need, built once by `loadConfig` from the environment. Secrets live
 * here only: the clients never copy them into a log line, an error message or error details.
 */
export interface DefenderSettings {
  readonly tenantId: string;
  readonly clientId: string;
  /** How the Entra app proves who it is: a client secret, or a certificate and its private key. */
  readonly credential:
    | { readonly kind: 'secret'; readonly secret: string }
    | { readonly kind: 'certificate'; readonly privateKeyPem: string; readonly certificatePem: string };
  /** The Entra sign-in host, e.g. `https://login.microsoftonline.com` (gov and China clouds differ). */
  readonly authorityHost: string;
  /** The MDE API host, e.g. `https://api.security.microsoft.com`; routes are `<base>/api/…`. */
  readonly mdeBaseUrl: string;
  /** The scope of MDE tokens, e.g. `https://api.securitycenter.microsoft.com/.default`. */
  readonly mdeScope: string;
  /** Defender for Cloud Apps: `https://<tenant>.<region>.portal.cloudappsecurity.com` and an API token. */
  readonly mcas?: { readonly baseUrl: string; readonly token: string };
  /** An extra certificate authority to trust (the simulator's self-signed identity provider). */
  readonly trustedCaPem?: string;
  /** The timeout of one HTTP call, in milliseconds. */
  readonly timeoutMs: number;
  /** How many times a failed call may be repeated when repeating is safe. */
  readonly maxRetries: number;
  /** Multiplies the rate-limit windows: 1 = real minutes and hours; tests use e.g. 0.02. */
  readonly rateTimeScale: number;
}

/** The documented defaults of the settings that have one. */
export const DEFENDER_DEFAULTS = {
  authorityHost: 'https://login.microsoftonline.com',
  mdeBaseUrl: 'https://api.security.microsoft.com',
  mdeScope: 'https://api.securitycenter.microsoft.com/.default',
  timeoutMs: 15_000,
  maxRetries: 4,
  rateTimeScale: 1,
} as const;
