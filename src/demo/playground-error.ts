import { VigilError } from '../domain/errors/vigil-error';

/** Why the Agents Playground could not be started; `code` is `PLAYGROUND.PORT_IN_USE` or `PLAYGROUND.START_FAILED`. */
export class PlaygroundError extends VigilError {
  /** The port was taken (the playground would have moved to a random one): names the port and `PLAYGROUND_PORT`. */
  static portInUse(port: number): PlaygroundError {
    return new PlaygroundError(
      'PLAYGROUND.PORT_IN_USE',
      `Port ${port} is already in use, so the Agents Playground cannot start on it. ` +
        'Stop what holds it, or set PLAYGROUND_PORT to a free port.',
      { details: { port, variable: 'PLAYGROUND_PORT' } },
    );
  }

  /** The playground exited or did not answer in time; `reason` says which, `logTail` is the end of its log. */
  static startFailed(reason: string, logTail: string): PlaygroundError {
    const tail = logTail.trim() === '' ? '' : `\nLast lines of its log:\n${logTail.trim()}`;
    return new PlaygroundError(
      'PLAYGROUND.START_FAILED',
      `The Agents Playground did not start: ${reason}.${tail}`,
      {
        details: { reason },
      },
    );
  }
}
