import { createSign, createVerify, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';

/** The claims the simulator's tokens carry (a subset of what Entra puts in an app-only token). */
export interface TokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  appid: string;
  tid: string;
  oid: string;
  roles: string[];
  [claim: string]: unknown;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** An RS256 signing key with its `kid`, as a JWKS would publish it. */
export class SigningKey {
  readonly kid = randomUUID();
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  sign(claims: TokenClaims): string {
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid }));
    const payload = b64url(JSON.stringify(claims));
    const signer = createSign('RSA-SHA256');
    signer.update(`${header}.${payload}`);
    return `${header}.${payload}.${signer.sign(this.privateKey).toString('base64url')}`;
  }

  /** The public key as a JWK, for the `jwks_uri` document. */
  toJwk(): Record<string, unknown> {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { ...jwk, kid: this.kid, use: 'sig', alg: 'RS256' };
  }
}

export type VerifyResult =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly reason: string };

/** Checks a compact JWT's RS256 signature, lifetime and audience. */
export function verifyJwt(
  token: string,
  key: SigningKey,
  nowS: number,
  acceptedAudiences: readonly string[],
): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'The token is not a JWT.' };
  const [header, payload, signature] = parts as [string, string, string];
  let parsedHeader: { alg?: string; kid?: string };
  let claims: TokenClaims;
  try {
    parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'The token cannot be decoded.' };
  }
  if (parsedHeader.alg !== 'RS256' || parsedHeader.kid !== key.kid) {
    return { ok: false, reason: 'The token was not signed by this identity provider.' };
  }
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${header}.${payload}`);
  if (!verifier.verify(key.publicKey, Buffer.from(signature, 'base64url'))) {
    return { ok: false, reason: 'The token signature is invalid.' };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowS)
    return { ok: false, reason: 'The token has expired.' };
  if (typeof claims.nbf === 'number' && claims.nbf > nowS + 300) {
    return { ok: false, reason: 'The token is not valid yet.' };
  }
  if (!acceptedAudiences.includes(claims.aud)) return { ok: false, reason: 'The token audience is wrong.' };
  if (!Array.isArray(claims.roles)) claims.roles = [];
  return { ok: true, claims };
}
