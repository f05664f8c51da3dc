import { VigilError } from '../domain/errors/vigil-error';

/** Every problem found in the configuration, reported at once. */
export class ConfigError extends VigilError {
  constructor(readonly problems: readonly string[]) {
    super(
      'CONFIG.INVALID',
      `Vigil's configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}\nSee .env.sample for every setting.`,
      { details: { problems } },
    );
  }
}
