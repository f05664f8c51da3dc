import { constants, verify } from 'node:crypto';
import type { RegisteredCertificate, RegisteredClient } from './client-registry';
import { EntraError } from './entra-error';

/** The `client_assertion_type` of a certificate credential (RFC 7523). */
export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** How far the assertion's clock may be from ours, in seconds (Entra allows five minutes). */
const CLOCK_SKEW_S = 300;

interface AssertionHeader {
  alg?: unknown;
  x5t?: unknown;
  'x5t#S256'?: unknown;
  x5c?: unknown;
}

interface AssertionClaims {
  aud?: unknown;
  iss?: unknown;
  sub?: unknown;
  exp?: unknown;
  nbf?: unknown;
}

const invalidClient = (aadsts: number, message: string) =>
  new EntraError(401, 'invalid_client', aadsts, message);

function decodePart<T>(part: string): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) return value as T;
  } catch {
    // reported below
  }
  throw invalidClient(50027, 'JWT token is invalid or malformed.');
}

/** The registered certificate the header names by `x5t#S256`, `x5t` or the first `x5c` entry. */
function findCertificate(client: RegisteredClient, header: AssertionHeader): RegisteredCertificate {
  const x5c = Array.isArray(header.x5c) && typeof header.x5c[0] === 'string' ? header.x5c[0] : undefined;
  const found = client.certificates.find(
    (cert) =>
      (header['x5t#S256'] !== undefined && cert.x5tS256 === header['x5t#S256']) ||
      (header.x5t !== undefined && cert.x5t === header.x5t) ||
      (x5c !== undefined && cert.der === x5c),
  );
  if (found) return found;
  const named = String(header['x5t#S256'] ?? header.x5t ?? 'none');
  throw invalidClient(
    700027,
    `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${named}']`,
  );
}

function signatureIsValid(alg: unknown, cert: RegisteredCertificate, data: string, signature: Buffer) {
  if (alg === 'RS256') return verify('sha256', Buffer.from(data), cert.publicKey, signature);
  if (alg === 'PS256') {
    const key = {
      key: cert.publicKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_AUTO,
    };
    return verify('sha256', Buffer.from(data), key, signature);
  }
  return false;
}

function checkClaims(
  claims: AssertionClaims,
  client: RegisteredClient,
  audienceOk: (aud: string) => boolean,
  nowS: number,
) {
  if (claims.iss !== client.clientId || claims.sub !== client.clientId) {
    throw invalidClient(
      700021,
      `Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.`,
    );
  }
  if (typeof claims.aud !== 'string' || !audienceOk(claims.aud)) {
    throw invalidClient(
      50027,
      `JWT token is invalid or malformed: the audience '${String(claims.aud)}' is not this token endpoint.`,
    );
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : 0;
  if (exp + CLOCK_SKEW_S <= nowS || nbf - CLOCK_SKEW_S > nowS) {
    throw invalidClient(700024, 'Client assertion is not within its valid time range.');
  }
}

/**
 * Checks a certificate credential the way Entra does: a compact RS256 or PS256 JWT whose header names a
 * certificate registered for the client, signed by its key, with `iss` = `sub` = the client id, an `aud`
 * of this token endpoint and a current lifetime. Throws `EntraError` (401 `invalid_client`) otherwise.
 */
export function verifyClientAssertion(
  assertion: string,
  client: RegisteredClient,
  audienceOk: (aud: string) => boolean,
  nowS: number,
): void {
  const parts = assertion.split('.');
  if (parts.length !== 3) throw invalidClient(50027, 'JWT token is invalid or malformed.');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodePart<AssertionHeader>(headerPart);
  const claims = decodePart<AssertionClaims>(payloadPart);
  const cert = findCertificate(client, header);
  const signature = Buffer.from(signaturePart, 'base64url');
  if (!signatureIsValid(header.alg, cert, `${headerPart}.${payloadPart}`, signature)) {
    throw invalidClient(
      700027,
      'Client assertion contains an invalid signature. [Reason - The signature does not verify with the registered certificate.]',
    );
  }
  checkClaims(claims, client, audienceOk, nowS);
}
