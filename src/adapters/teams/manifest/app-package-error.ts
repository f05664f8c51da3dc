import { VigilError } from '../../../domain/errors/vigil-error';

/** The Teams app package cannot be built: every problem found, each naming where it is. */
export class AppPackageError extends VigilError {
  constructor(
    readonly problems: readonly string[],
    what = 'The Teams app package',
  ) {
    super(
      'TEAMS_APP.INVALID_PACKAGE',
      `${what} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}`,
      { details: { problems } },
    );
  }
}
