import { createPrivateKey, X509Certificate } from 'node:crypto';

/** What msal-node 7 needs to sign a client assertion with a certificate. */
export interface MsalClientCertificate {
  /** Hex SHA-256 thumbprint of the certificate (the `x5t#S256` header). */
  readonly thumbprintSha256: string;
  /** The private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  readonly privateKey: string;
  /** The certificate PEM, sent as `x5c` (needed for subject-name/issuer authentication). */
  readonly x5c: string;
}

/**
 * Derives msal's certificate credential from a certificate and its private key, both PEM. The key may be
 * PKCS#1 or PKCS#8; it is handed to msal as PKCS#8. Throws a RangeError that names no key material when
 * the PEMs cannot be read or do not belong together.
 */
export function clientCertificate(certificatePem: string, privateKeyPem: string): MsalClientCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new RangeError('The Defender client certificate is not a readable PEM certificate.');
  }
  let privateKey: string;
  try {
    const key = createPrivateKey(privateKeyPem);
    if (!certificate.checkPrivateKey(key)) {
      throw new RangeError('The Defender private key does not belong to the client certificate.');
    }
    privateKey = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new RangeError('The Defender private key is not a readable PEM private key.');
  }
  return {
    thumbprintSha256: certificate.fingerprint256.replace(/:/g, '').toLowerCase(),
    privateKey,
    x5c: certificate.toString(),
  };
}
