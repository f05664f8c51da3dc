/** What one readiness check found: whether it passes, and a short line for the operator. */
export interface CheckResult {
  readonly ok: boolean;
  readonly detail: string;
}

/** One condition `GET /readyz` requires (the store answers, the SOC channel is known, …). */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<CheckResult> | CheckResult;
}

/** The answer of `GET /readyz`: ready when every check passes, each listed with its result. */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: readonly (CheckResult & { readonly name: string })[];
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => check.check()), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once, each bounded by `timeoutMs`; a check that throws or hangs fails. */
export async function runReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = 2000,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check) => ({ name: check.name, ...(await runOne(check, timeoutMs)) })),
  );
  return { ready: results.every((r) => r.ok), checks: results };
}
