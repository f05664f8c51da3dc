/** What the evaluator knows beyond the alert: the alert's machine as Defender describes it. */
export interface RuleContext {
  /** The alert's machine (from `Machine`): its name and tags. Absent for MCAS alerts. */
  readonly machine?: { readonly name: string; readonly tags: readonly string[] };
}
