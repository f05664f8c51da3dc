import { randomUUID } from 'node:crypto';
import { SigningKey, type TokenClaims, type VerifyResult, verifyJwt } from './jwt';
import { MCAS_AUDIENCES, MDE_AUDIENCES, SIM_TENANT_ID } from './sim-credentials';

const TOKEN_LIFETIME_S = 3599;

/** Issues and checks the simulator's access tokens; one signing key per simulator run. */
export class TokenIssuer {
  readonly key = new SigningKey();

  constructor(
    private readonly now: () => number,
    /** The `iss` claim: the identity provider's issuer URL once it is listening. */
    public issuer = `https://sts.windows.net/${SIM_TENANT_ID}/`,
  ) {}

  issue(options: {
    appId: string;
    roles: readonly string[];
    audience?: string;
    tenantId?: string;
    /** Overrides `issuer` for this token (the identity provider names the caller's tenant). */
    issuer?: string;
  }): {
    token: string;
    expiresIn: number;
  } {
    const nowS = Math.floor(this.now() / 1000);
    const claims: TokenClaims = {
      aud: options.audience ?? MDE_AUDIENCES[0],
      iss: options.issuer ?? this.issuer,
      iat: nowS,
      nbf: nowS,
      exp: nowS + TOKEN_LIFETIME_S,
      appid: options.appId,
      tid: options.tenantId ?? SIM_TENANT_ID,
      oid: randomUUID(),
      roles: [...options.roles],
    };
    return { token: this.key.sign(claims), expiresIn: TOKEN_LIFETIME_S };
  }

  verifyMde(token: string): VerifyResult {
    return verifyJwt(token, this.key, Math.floor(this.now() / 1000), MDE_AUDIENCES);
  }

  verifyMcas(token: string): VerifyResult {
    return verifyJwt(token, this.key, Math.floor(this.now() / 1000), MCAS_AUDIENCES);
  }
}
