import { IMAGES, type ProcessImage } from './hunting-images';

/** What a command line may mention: filled per event. */
export interface CommandVars {
  readonly user: string;
  readonly dc: string;
  readonly doc: string;
  readonly site: string;
}

export interface BenignProcess {
  readonly weight: number;
  readonly image: ProcessImage;
  readonly parent: ProcessImage;
  readonly grandparent?: ProcessImage;
  readonly asSystem: boolean;
  readonly command: (v: CommandVars) => string;
}

export interface Destination {
  readonly weight: number;
  readonly process: ProcessImage;
  readonly asSystem: boolean;
  /** `{subnet}` is replaced by the machine's /24. */
  readonly ip: string;
  readonly port: number;
  readonly url: string;
}

const user = (weight: number, image: ProcessImage, command: (v: CommandVars) => string): BenignProcess => ({
  weight,
  image,
  parent: IMAGES.explorer,
  grandparent: IMAGES.winlogon,
  asSystem: false,
  command,
});

const system = (
  weight: number,
  image: ProcessImage,
  parent: ProcessImage,
  command: (v: CommandVars) => string,
): BenignProcess => ({ weight, image, parent, grandparent: IMAGES.services, asSystem: true, command });

export const DOCUMENTS = [
  'Q3 forecast',
  'Board minutes',
  'Supplier list',
  'Roadmap 2026',
  'Expenses March',
  'Onboarding',
];
export const SITES = ['finance', 'hr', 'engineering', 'sales', 'it-ops'];

/** Everyday programs on a workstation. */
export const WORKSTATION_PROCESSES: readonly BenignProcess[] = [
  user(8, IMAGES.chrome, () => '"chrome.exe" --profile-directory=Default'),
  user(
    8,
    IMAGES.msedge,
    (v) => `"msedge.exe" --single-argument https://contoso.sharepoint.com/sites/${v.site}`,
  ),
  user(5, IMAGES.outlook, () => '"OUTLOOK.EXE" /recycle'),
  user(4, IMAGES.winword, (v) => `"WINWORD.EXE" /n "C:\\Users\\${v.user}\\Documents\\${v.doc}.docx"`),
  user(3, IMAGES.excel, (v) => `"EXCEL.EXE" "C:\\Users\\${v.user}\\Documents\\${v.doc}.xlsx"`),
  user(5, IMAGES.teams, () => '"ms-teams.exe" --processStart "ms-teams.exe"'),
  user(2, IMAGES.notepad, (v) => `"notepad.exe" C:\\Users\\${v.user}\\Desktop\\notes.txt`),
  user(2, IMAGES.oneDrive, () => '"OneDrive.exe" /background'),
  user(1, IMAGES.cmd, () => '"cmd.exe"'),
  { ...user(1, IMAGES.ipconfig, () => 'ipconfig /all'), parent: IMAGES.cmd, grandparent: IMAGES.explorer },
  { ...user(1, IMAGES.ping, (v) => `ping -n 4 ${v.dc}`), parent: IMAGES.cmd, grandparent: IMAGES.explorer },
  {
    ...user(1, IMAGES.git, () => 'git.exe pull --rebase'),
    parent: IMAGES.code,
    grandparent: IMAGES.explorer,
  },
  system(4, IMAGES.svchost, IMAGES.services, () => 'svchost.exe -k netsvcs -p -s Schedule'),
  system(3, IMAGES.taskhostw, IMAGES.svchost, () => 'taskhostw.exe -RegisterDevice -ProtectionStateChanged'),
  system(
    2,
    IMAGES.mpCmdRun,
    IMAGES.svchost,
    () => '"MpCmdRun.exe" -SignatureUpdate -ScheduleJob -RestrictPrivileges',
  ),
  system(
    2,
    IMAGES.searchProtocolHost,
    IMAGES.svchost,
    () => '"SearchProtocolHost.exe" Global\\UsGthrFltPipeMssGthrPipe1',
  ),
  system(1, IMAGES.gpupdate, IMAGES.svchost, () => 'gpupdate.exe /target:computer'),
  system(
    1,
    IMAGES.powershell,
    IMAGES.svchost,
    () =>
      'powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\ProgramData\\Contoso\\Scripts\\Get-Inventory.ps1',
  ),
];

/** What a server runs on its own, plus an administrator now and then. */
export const SERVER_PROCESSES: readonly BenignProcess[] = [
  system(6, IMAGES.svchost, IMAGES.services, () => 'svchost.exe -k netsvcs -p -s Schedule'),
  system(4, IMAGES.taskhostw, IMAGES.svchost, () => 'taskhostw.exe'),
  system(
    3,
    IMAGES.mpCmdRun,
    IMAGES.svchost,
    () => '"MpCmdRun.exe" -SignatureUpdate -ScheduleJob -RestrictPrivileges',
  ),
  system(
    3,
    IMAGES.w3wp,
    IMAGES.svchost,
    () => 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool"',
  ),
  system(2, IMAGES.wbengine, IMAGES.services, () => '"wbengine.exe"'),
  system(
    2,
    IMAGES.powershell,
    IMAGES.svchost,
    () =>
      'powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\ProgramData\\Contoso\\Scripts\\Get-Inventory.ps1',
  ),
  {
    ...user(1, IMAGES.wsmprovhost, () => 'C:\\Windows\\system32\\wsmprovhost.exe -Embedding'),
    parent: IMAGES.svchost,
  },
];

const dest = (
  weight: number,
  process: ProcessImage,
  asSystem: boolean,
  ip: string,
  port: number,
  url = '',
): Destination => ({ weight, process, asSystem, ip, port, url });

/** Where a workstation's programs connect. */
export const WORKSTATION_DESTINATIONS: readonly Destination[] = [
  dest(5, IMAGES.chrome, false, '142.250.74.36', 443, 'www.google.com'),
  dest(3, IMAGES.chrome, false, '140.82.121.4', 443, 'github.com'),
  dest(5, IMAGES.msedge, false, '13.107.136.9', 443, 'contoso.sharepoint.com'),
  dest(3, IMAGES.msedge, false, '204.79.197.200', 443, 'www.bing.com'),
  dest(4, IMAGES.outlook, false, '52.97.146.162', 443, 'outlook.office365.com'),
  dest(4, IMAGES.teams, false, '52.113.194.132', 443, 'teams.microsoft.com'),
  dest(2, IMAGES.oneDrive, false, '13.107.42.12', 443, 'contoso-my.sharepoint.com'),
  dest(3, IMAGES.svchost, true, '{subnet}.10', 389),
  dest(2, IMAGES.svchost, true, '{subnet}.10', 88),
  dest(2, IMAGES.system, true, '{subnet}.20', 445),
  dest(2, IMAGES.msMpEng, true, '20.42.65.90', 443, 'wdcp.microsoft.com'),
  dest(1, IMAGES.svchost, true, '13.107.4.50', 80, 'au.download.windowsupdate.com'),
];

/** Where a server connects. */
export const SERVER_DESTINATIONS: readonly Destination[] = [
  dest(4, IMAGES.svchost, true, '{subnet}.10', 389),
  dest(3, IMAGES.svchost, true, '{subnet}.10', 88),
  dest(3, IMAGES.msMpEng, true, '20.42.65.90', 443, 'wdcp.microsoft.com'),
  dest(2, IMAGES.svchost, true, '13.107.4.50', 80, 'au.download.windowsupdate.com'),
  dest(2, IMAGES.system, true, '{subnet}.20', 445),
];
