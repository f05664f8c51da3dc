import type { AlertClassification } from './alert';

/**
 * MDE's determinations that go with each classification (the portal offers the same pairs): a true
 * positive is malware or an attack, expected activity is a test or known business use, a false positive
 * is clean or unprovable. `Other` fits every classification.
 */
export const DETERMINATIONS: Readonly<Record<AlertClassification, readonly string[]>> = {
  truePositive: [
    'MultiStagedAttack',
    'MaliciousUserActivity',
    'CompromisedUser',
    'Malware',
    'Phishing',
    'UnwantedSoftware',
    'Other',
  ],
  informationalExpectedActivity: [
    'SecurityTesting',
    'LineOfBusinessApplication',
    'ConfirmedUserActivity',
    'Other',
  ],
  falsePositive: ['Clean', 'InsufficientData', 'Other'],
};

/** Whether `determination` goes with `classification`. */
export function fitsClassification(classification: AlertClassification, determination: string): boolean {
  return DETERMINATIONS[classification].includes(determination);
}
