/**
 * The polling settings the pollers read: the same fields as `config.ingest` (`IngestConfig`, which the
 * services may not import), so the composition root passes `config.ingest` as it is.
 */
export interface IngestPollSettings {
  /** Seconds between two MDE polls. */
  readonly pollIntervalS: number;
  /** How far back the very first poll of a source looks. */
  readonly firstFetchHours: number;
  /** Seconds between two MCAS polls; 0 = the MCAS poller is not started. */
  readonly mcasPollIntervalS: number;
}

/** Tuning of a poller; the defaults suit production. */
export interface PollTuning {
  /**
   * The most alerts one poll reads at first. A poll that gets that many cannot know which alerts the
   * source left out (Defender lists newest first), so it keeps its checkpoint and the next poll reads
   * twice as many, until one poll reads the whole backlog.
   */
  readonly maxAlerts?: number;
  /**
   * How long an update must be old before the checkpoint moves past it (default 60 s). Alerts younger
   * than that are ingested at once but read again by the next poll (a no-op), so an update Defender
   * makes visible late, or makes while a multi-page poll runs, is not skipped.
   */
  readonly settleS?: number;
}
