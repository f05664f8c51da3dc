import { constants, createHash, sign, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

/** An app's certificate credential: the PEMs and the thumbprints Entra shows for it. */
export interface ClientCertificate {
  certPem: string;
  keyPem: string;
  /** Hex SHA-1 of the DER certificate (MSAL's deprecated `thumbprint`). */
  sha1Hex: string;
  /** Hex SHA-256 of the DER certificate (MSAL's `thumbprintSha256`). */
  sha256Hex: string;
}

/** A fresh self-signed certificate for an app registration. */
export async function createClientCertificate(name: string): Promise<ClientCertificate> {
  const pems = await generate([{ name: 'commonName', value: name }], { keySize: 2048, algorithm: 'sha256' });
  const der = new X509Certificate(pems.cert).raw;
  return {
    certPem: pems.cert,
    keyPem: pems.private,
    sha1Hex: createHash('sha1').update(der).digest('hex'),
    sha256Hex: createHash('sha256').update(der).digest('hex'),
  };
}

export interface AssertionOptions {
  alg?: 'RS256' | 'PS256';
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
}

/** A client assertion JWT as RFC 7523 describes it, signed with the certificate's private key. */
export function signAssertion(
  cert: ClientCertificate,
  clientId: string,
  audience: string,
  options: AssertionOptions = {},
): string {
  const alg = options.alg ?? 'PS256';
  const nowS = Math.floor(Date.now() / 1000);
  const thumbprint =
    alg === 'PS256'
      ? { 'x5t#S256': Buffer.from(cert.sha256Hex, 'hex').toString('base64url') }
      : { x5t: Buffer.from(cert.sha1Hex, 'hex').toString('base64url') };
  const header = { alg, typ: 'JWT', ...thumbprint, ...options.header };
  const claims = {
    aud: audience,
    iss: clientId,
    sub: clientId,
    jti: 'j1',
    nbf: nowS,
    exp: nowS + 600,
    ...options.claims,
  };
  const data = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const key =
    alg === 'PS256'
      ? { key: cert.keyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
      : { key: cert.keyPem };
  return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
}
