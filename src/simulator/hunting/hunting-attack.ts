import type { BucketEvents } from './hunting-benign-activity';
import type { HuntAccount, HuntMachine } from './hunting-estate';
import type { EventFactory } from './hunting-event-factory';
import type { SeededRandom } from './hunting-random';

/** Addresses the attacks use (documentation ranges, so they are never anyone's real host). */
export const SUSPICIOUS_IPS = {
  stager: '198.51.100.23',
  c2: '203.0.113.66',
  bruteForce: '192.0.2.44',
} as const;

export const SECOND = 1000;

/** What an attack scenario gets: the machine, its hour's PRNG and factory, when it starts, where rows go. */
export interface Attack {
  readonly m: HuntMachine;
  readonly rng: SeededRandom;
  readonly f: EventFactory;
  readonly t0: number;
  /** The account the attacker uses (one of the machine's users). */
  readonly user: HuntAccount;
  readonly events: BucketEvents;
}

/** An attack scenario and its relative odds. */
export interface AttackScenario {
  readonly weight: number;
  readonly run: (attack: Attack) => void;
}
