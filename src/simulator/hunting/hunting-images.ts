/** An executable: its file name and the folder it runs from. */
export interface ProcessImage {
  readonly file: string;
  readonly folder: string;
}

const image = (folder: string, file: string): ProcessImage => ({ file, folder });
const SYSTEM32 = 'C:\\Windows\\System32';
const OFFICE = 'C:\\Program Files\\Microsoft Office\\root\\Office16';
const DEFENDER = 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0';

/** The executables the generated events name; `{user}` in a folder is the account's profile name. */
export const IMAGES = {
  system: image('', 'System'),
  services: image(SYSTEM32, 'services.exe'),
  svchost: image(SYSTEM32, 'svchost.exe'),
  lsass: image(SYSTEM32, 'lsass.exe'),
  winlogon: image(SYSTEM32, 'winlogon.exe'),
  explorer: image('C:\\Windows', 'explorer.exe'),
  cmd: image(SYSTEM32, 'cmd.exe'),
  powershell: image(`${SYSTEM32}\\WindowsPowerShell\\v1.0`, 'powershell.exe'),
  rundll32: image(SYSTEM32, 'rundll32.exe'),
  wmiprvse: image(`${SYSTEM32}\\wbem`, 'WmiPrvSE.exe'),
  wmic: image(`${SYSTEM32}\\wbem`, 'WMIC.exe'),
  vssadmin: image(SYSTEM32, 'vssadmin.exe'),
  bcdedit: image(SYSTEM32, 'bcdedit.exe'),
  wbadmin: image(SYSTEM32, 'wbadmin.exe'),
  whoami: image(SYSTEM32, 'whoami.exe'),
  net: image(SYSTEM32, 'net.exe'),
  nltest: image(SYSTEM32, 'nltest.exe'),
  ipconfig: image(SYSTEM32, 'ipconfig.exe'),
  ping: image(SYSTEM32, 'PING.EXE'),
  gpupdate: image(SYSTEM32, 'gpupdate.exe'),
  taskhostw: image(SYSTEM32, 'taskhostw.exe'),
  searchProtocolHost: image(SYSTEM32, 'SearchProtocolHost.exe'),
  wsmprovhost: image(SYSTEM32, 'wsmprovhost.exe'),
  w3wp: image(`${SYSTEM32}\\inetsrv`, 'w3wp.exe'),
  wbengine: image(SYSTEM32, 'wbengine.exe'),
  mpCmdRun: image(DEFENDER, 'MpCmdRun.exe'),
  msMpEng: image(DEFENDER, 'MsMpEng.exe'),
  chrome: image('C:\\Program Files\\Google\\Chrome\\Application', 'chrome.exe'),
  msedge: image('C:\\Program Files (x86)\\Microsoft\\Edge\\Application', 'msedge.exe'),
  outlook: image(OFFICE, 'OUTLOOK.EXE'),
  winword: image(OFFICE, 'WINWORD.EXE'),
  excel: image(OFFICE, 'EXCEL.EXE'),
  teams: image(
    'C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe',
    'ms-teams.exe',
  ),
  oneDrive: image('C:\\Users\\{user}\\AppData\\Local\\Microsoft\\OneDrive', 'OneDrive.exe'),
  notepad: image(SYSTEM32, 'notepad.exe'),
  code: image('C:\\Users\\{user}\\AppData\\Local\\Programs\\Microsoft VS Code', 'Code.exe'),
  git: image('C:\\Program Files\\Git\\cmd', 'git.exe'),
  mimikatz: image('C:\\Users\\{user}\\AppData\\Local\\Temp', 'mimikatz.exe'),
  psexec: image('C:\\Users\\{user}\\Downloads', 'PsExec.exe'),
  bash: image('/usr/bin', 'bash'),
  zsh: image('/bin', 'zsh'),
  sshd: image('/usr/sbin', 'sshd'),
  cron: image('/usr/sbin', 'cron'),
  systemd: image('/usr/lib/systemd', 'systemd'),
  python3: image('/usr/bin', 'python3'),
  curl: image('/usr/bin', 'curl'),
  aptGet: image('/usr/bin', 'apt-get'),
  gitUnix: image('/usr/bin', 'git'),
  docker: image('/usr/bin', 'docker'),
  nginx: image('/usr/sbin', 'nginx'),
  launchd: image('/sbin', 'launchd'),
  softwareupdate: image('/usr/sbin', 'softwareupdate'),
  chromeMac: image('/Applications/Google Chrome.app/Contents/MacOS', 'Google Chrome'),
  teamsMac: image('/Applications/Microsoft Teams.app/Contents/MacOS', 'MSTeams'),
  miner: image('/tmp/.cache', 'kworkerd'),
} as const;

/** The full path MDE writes in `FolderPath`: folder and file name. */
export function fullPath(img: ProcessImage, user: string): string {
  if (img.folder === '') return img.file;
  const separator = img.folder.startsWith('/') ? '/' : '\\';
  return `${img.folder.replace('{user}', user)}${separator}${img.file}`;
}
