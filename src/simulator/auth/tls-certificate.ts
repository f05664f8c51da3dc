import { generate } from 'selfsigned';

/** A TLS server certificate and its private key, both PEM. */
export interface TlsCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

const DAY_MS = 86_400_000;

/** The names the certificate is valid for: every loopback spelling a client may dial. */
const LOOPBACK_NAMES = [
  { type: 2 as const, value: 'localhost' },
  { type: 7 as const, ip: '127.0.0.1' },
  { type: 7 as const, ip: '::1' },
];

let generated: Promise<TlsCertificate> | undefined;

/** Generates a fresh self-signed certificate for 127.0.0.1, ::1 and localhost, valid for 30 days. */
export async function generateTlsCertificate(nowMs = Date.now()): Promise<TlsCertificate> {
  const notBeforeDate = new Date(nowMs - DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'Vigil Defender simulator (localhost)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(nowMs + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: LOOPBACK_NAMES },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

/**
 * The certificate of this process's identity providers: generated once, on first use, and shared by
 * every simulator the process starts (RSA key generation takes a few hundred milliseconds).
 */
export function processTlsCertificate(): Promise<TlsCertificate> {
  generated ??= generateTlsCertificate().catch((error: unknown) => {
    generated = undefined;
    throw error;
  });
  return generated;
}
