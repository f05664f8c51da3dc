import type { BenignProcess, CommandVars, Destination } from './hunting-benign-catalog';
import { IMAGES, type ProcessImage } from './hunting-images';

const proc = (
  weight: number,
  image: ProcessImage,
  parent: ProcessImage,
  asSystem: boolean,
  command: (v: CommandVars) => string,
): BenignProcess => ({ weight, image, parent, asSystem, command });

/** Everyday processes on a Linux host (a server or a developer's machine). */
export const LINUX_PROCESSES: readonly BenignProcess[] = [
  proc(5, IMAGES.bash, IMAGES.cron, true, () => '/bin/sh -c "run-parts --report /etc/cron.hourly"'),
  proc(3, IMAGES.sshd, IMAGES.systemd, true, (v) => `sshd: ${v.user} [priv]`),
  proc(2, IMAGES.aptGet, IMAGES.systemd, true, () => 'apt-get update -qq'),
  proc(2, IMAGES.python3, IMAGES.systemd, true, () => '/usr/bin/python3 /usr/bin/unattended-upgrade'),
  proc(2, IMAGES.docker, IMAGES.systemd, true, () => 'docker ps --format {{.Names}}'),
  proc(2, IMAGES.nginx, IMAGES.systemd, true, () => 'nginx: worker process'),
  proc(3, IMAGES.bash, IMAGES.sshd, false, () => '-bash'),
  proc(2, IMAGES.gitUnix, IMAGES.bash, false, () => 'git pull origin main'),
  proc(1, IMAGES.python3, IMAGES.bash, false, () => 'python3 -m pytest -q'),
  proc(
    1,
    IMAGES.curl,
    IMAGES.bash,
    false,
    () => 'curl -s https://api.github.com/repos/contoso/app/releases/latest',
  ),
];

/** Everyday processes on a Mac. */
export const MAC_PROCESSES: readonly BenignProcess[] = [
  proc(
    6,
    IMAGES.chromeMac,
    IMAGES.launchd,
    false,
    () => '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ),
  proc(
    4,
    IMAGES.teamsMac,
    IMAGES.launchd,
    false,
    () => '/Applications/Microsoft Teams.app/Contents/MacOS/MSTeams',
  ),
  proc(3, IMAGES.zsh, IMAGES.launchd, false, () => '-zsh'),
  proc(2, IMAGES.gitUnix, IMAGES.zsh, false, () => 'git fetch --all'),
  proc(2, IMAGES.softwareupdate, IMAGES.launchd, true, () => '/usr/sbin/softwareupdate --background'),
  proc(1, IMAGES.curl, IMAGES.zsh, false, () => 'curl -sSL https://contoso.sharepoint.com/'),
];

const dest = (
  weight: number,
  process: ProcessImage,
  asSystem: boolean,
  ip: string,
  port: number,
  url = '',
) => ({
  weight,
  process,
  asSystem,
  ip,
  port,
  url,
});

export const LINUX_DESTINATIONS: readonly Destination[] = [
  dest(3, IMAGES.aptGet, true, '185.125.190.36', 80, 'archive.ubuntu.com'),
  dest(3, IMAGES.gitUnix, false, '140.82.121.4', 443, 'github.com'),
  dest(2, IMAGES.curl, false, '140.82.121.6', 443, 'api.github.com'),
  dest(2, IMAGES.docker, true, '44.205.64.79', 443, 'registry-1.docker.io'),
  dest(2, IMAGES.sshd, true, '{subnet}.10', 389),
];

export const MAC_DESTINATIONS: readonly Destination[] = [
  dest(5, IMAGES.chromeMac, false, '142.250.74.36', 443, 'www.google.com'),
  dest(3, IMAGES.teamsMac, false, '52.113.194.132', 443, 'teams.microsoft.com'),
  dest(2, IMAGES.softwareupdate, true, '17.253.53.207', 443, 'swscan.apple.com'),
  dest(2, IMAGES.gitUnix, false, '140.82.121.4', 443, 'github.com'),
];
