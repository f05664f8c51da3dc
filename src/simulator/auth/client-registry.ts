import { createHash, type KeyObject, timingSafeEqual, X509Certificate } from 'node:crypto';
import { ALL_MDE_ROLES, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, MCAS_ROLES } from './sim-credentials';

/** An application registered with the simulator's identity provider (`startSimulator({ clients })`). */
export interface SimClientRegistration {
  readonly clientId: string;
  /** The client secret it may authenticate with. */
  readonly secret?: string;
  /** PEM of the certificate(s) whose private key may sign its client assertions. */
  readonly certificatePem?: string;
  /** Application roles granted to it, on MDE and on Cloud Apps alike. */
  readonly roles: readonly string[];
}

/** A registered certificate, with the thumbprints a client assertion names it by. */
export interface RegisteredCertificate {
  /** `x5t`: base64url of the SHA-1 of the DER certificate. */
  readonly x5t: string;
  /** `x5t#S256`: base64url of the SHA-256 of the DER certificate. */
  readonly x5tS256: string;
  /** base64 of the DER certificate, as an `x5c` header entry carries it. */
  readonly der: string;
  readonly publicKey: KeyObject;
}

/** A registered client as the token endpoint sees it. */
export interface RegisteredClient {
  readonly clientId: string;
  readonly secret: string | undefined;
  readonly certificates: readonly RegisteredCertificate[];
  readonly roles: readonly string[];
}

/** The demo application of contract.md: every MDE and Cloud Apps role. */
export const DEMO_CLIENT: SimClientRegistration = {
  clientId: DEMO_CLIENT_ID,
  secret: DEMO_CLIENT_SECRET,
  roles: [...ALL_MDE_ROLES, ...MCAS_ROLES],
};

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Parses every certificate in a PEM bundle; a bundle without one is a configuration error. */
export function parseCertificates(pem: string, clientId: string): RegisteredCertificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    throw new Error(`certificatePem of client "${clientId}" holds no PEM certificate.`);
  }
  return blocks.map((block) => {
    const certificate = new X509Certificate(block);
    return {
      x5t: createHash('sha1').update(certificate.raw).digest('base64url'),
      x5tS256: createHash('sha256').update(certificate.raw).digest('base64url'),
      der: certificate.raw.toString('base64'),
      publicKey: certificate.publicKey,
    };
  });
}

/** Compares two secrets in constant time. */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The applications the identity provider knows: the demo client plus those registered at start. */
export class ClientRegistry {
  private readonly clients = new Map<string, RegisteredClient>();

  constructor(registrations: readonly SimClientRegistration[] = []) {
    for (const registration of [DEMO_CLIENT, ...registrations]) this.register(registration);
  }

  /** Adds or replaces a client (a later registration of the same id wins). */
  register(registration: SimClientRegistration): void {
    const certificates =
      registration.certificatePem === undefined
        ? []
        : parseCertificates(registration.certificatePem, registration.clientId);
    this.clients.set(registration.clientId.toLowerCase(), {
      clientId: registration.clientId,
      secret: registration.secret,
      certificates,
      roles: [...registration.roles],
    });
  }

  /** A client by id (client ids are GUIDs in Entra, so the lookup ignores case). */
  find(clientId: string): RegisteredClient | undefined {
    return this.clients.get(clientId.toLowerCase());
  }
}
