import type { Attack } from './hunting-attack';
import type { BucketEvents } from './hunting-benign-activity';
import type { HuntMachine } from './hunting-estate';
import type { EventFactory } from './hunting-event-factory';
import type { SeededRandom } from './hunting-random';
import { UNIX_ATTACKS } from './hunting-unix-attacks';
import { WINDOWS_ATTACKS } from './hunting-windows-attacks';

/** Chance that a machine-hour holds an attack: about three a day across an estate of 25 machines. */
export const ATTACK_CHANCE_PER_HOUR = 1 / 200;

/** Maybe adds one attack scenario, fit for the machine's platform, to the machine-hour starting at `start`. */
export function maybeAddAttack(
  m: HuntMachine,
  rng: SeededRandom,
  f: EventFactory,
  start: number,
  events: BucketEvents,
): void {
  if (!rng.chance(ATTACK_CHANCE_PER_HOUR)) return;
  const scenario = rng.weighted(m.platform === 'windows' ? WINDOWS_ATTACKS : UNIX_ATTACKS);
  const attack: Attack = {
    m,
    rng,
    f,
    t0: start + rng.int(0, 45 * 60) * 1000,
    user: rng.pick(m.accounts),
    events,
  };
  scenario.run(attack);
}
