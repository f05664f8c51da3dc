import { ALERT_TEMPLATES, type AlertTemplate } from '../estate/alert-templates';
import type { MdeAlert, MdeMachine } from '../model/mde-types';
import type { SimContext } from '../sim-context';
import { createAlert } from './alerts/create-alert';

/** The order the raiser goes through the templates (worst first, so a demo shows cards quickly). */
const RAISE_ORDER = [
  'encoded-powershell',
  'mimikatz',
  'scheduled-task',
  'emotet',
  'ransomware',
  'custom-indicator',
  'cmd-recon',
  'reverse-shell',
  'remote-service',
  'unwanted-software',
];

function fits(template: AlertTemplate, machine: MdeMachine): boolean {
  const unix = ['Linux', 'macOS'].includes(machine.osPlatform);
  return template.platform === undefined || template.platform === (unix ? 'unix' : 'windows');
}

/**
 * Raises the `n`-th alert of the raiser's deterministic sequence: the next template, on an onboarded
 * estate machine that fits it (stepping 7 machines at a time), naming that machine's user.
 */
export function raiseAlert(ctx: SimContext, n: number): MdeAlert | undefined {
  const key = RAISE_ORDER[n % RAISE_ORDER.length];
  const template = ALERT_TEMPLATES.find((t) => t.key === key) ?? ALERT_TEMPLATES[0];
  if (!template) return undefined;
  const machines = [...ctx.state.machines.values()].filter(
    (m) => m.onboardingStatus === 'onboarded' && fits(template, m),
  );
  const machine = machines[(n * 7) % Math.max(machines.length, 1)];
  if (!machine) return undefined;
  const alert = createAlert(ctx, { machineId: machine.id }, template);
  ctx.log.info('raised an MDE alert', { id: alert.id, title: alert.title, machine: alert.computerDnsName });
  return alert;
}

/** Raises a new alert every `everyS` seconds (0 = never); the timer does not keep Node alive. Returns a stopper. */
export function startAlertRaiser(ctx: SimContext, everyS: number): () => void {
  if (!(everyS > 0)) return () => undefined;
  let n = 0;
  const timer = setInterval(() => {
    try {
      raiseAlert(ctx, n);
    } catch (error) {
      ctx.log.warn('the alert raiser failed', { error: String(error) });
    }
    n += 1;
  }, everyS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
