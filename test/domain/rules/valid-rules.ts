import type { RuleDefinition } from '../../../src/domain/rules/rule-definition';

/** A rule that must parse, and the parts of its definition it must give. */
export interface ValidRule {
  readonly text: string;
  readonly expected: Partial<Omit<RuleDefinition, 'source'>>;
}

const NO_OPTIONS = { stop: false, dryRun: false };

/** The examples of the product contract, then more of the grammar. */
export const VALID_RULES: readonly ValidRule[] = [
  {
    text: '"High sev isolate" when severity = high then isolate full, notify channel',
    expected: {
      name: 'High sev isolate',
      condition: { kind: 'severity', op: '=', value: 'high' },
      actions: [{ kind: 'isolate', isolationType: 'Full', onUserMachines: false }, { kind: 'notifyChannel' }],
      options: NO_OPTIONS,
    },
  },
  {
    text: 'ransomware when category = Ransomware and severity >= medium then isolate full, scan full',
    expected: {
      name: 'ransomware',
      condition: {
        kind: 'and',
        operands: [
          { kind: 'text', field: 'category', op: '=', value: 'Ransomware' },
          { kind: 'severity', op: '>=', value: 'medium' },
        ],
      },
      actions: [
        { kind: 'isolate', isolationType: 'Full', onUserMachines: false },
        { kind: 'scan', scanType: 'Full', onUserMachines: false },
      ],
      options: NO_OPTIONS,
    },
  },
  {
    text: 'mimikatz when title ~ "mimikatz" or title ~ "credential dump" then scan full, assign secops@contoso.com',
    expected: {
      name: 'mimikatz',
      condition: {
        kind: 'or',
        operands: [
          { kind: 'text', field: 'title', op: '~', value: 'mimikatz' },
          { kind: 'text', field: 'title', op: '~', value: 'credential dump' },
        ],
      },
      actions: [
        { kind: 'scan', scanType: 'Full', onUserMachines: false },
        { kind: 'assign', assignee: 'secops@contoso.com' },
      ],
    },
  },
  {
    text: '"cloud apps" when source = mcas and severity = high then scan quick on user machines',
    expected: {
      name: 'cloud apps',
      condition: {
        kind: 'and',
        operands: [
          { kind: 'source', op: '=', value: 'mcas' },
          { kind: 'severity', op: '=', value: 'high' },
        ],
      },
      actions: [{ kind: 'scan', scanType: 'Quick', onUserMachines: true }],
    },
  },
  {
    text: '"protect dc" when machine.tag = "tier0" then require approval',
    expected: {
      name: 'protect dc',
      condition: { kind: 'tag', op: '=', value: 'tier0' },
      actions: [{ kind: 'requireApproval' }],
      options: NO_OPTIONS,
    },
  },
  {
    text: 'Loud WHEN Severity > Low AND Title ~ x Then Isolate Selective',
    expected: {
      name: 'Loud',
      condition: {
        kind: 'and',
        operands: [
          { kind: 'severity', op: '>', value: 'low' },
          { kind: 'text', field: 'title', op: '~', value: 'x' },
        ],
      },
      actions: [{ kind: 'isolate', isolationType: 'Selective', onUserMachines: false }],
    },
  },
  {
    text: 'a when severity < medium or severity <= low and not severity != informational then scan',
    expected: {
      condition: {
        kind: 'or',
        operands: [
          { kind: 'severity', op: '<', value: 'medium' },
          {
            kind: 'and',
            operands: [
              { kind: 'severity', op: '<=', value: 'low' },
              { kind: 'not', operand: { kind: 'severity', op: '!=', value: 'informational' } },
            ],
          },
        ],
      },
      actions: [{ kind: 'scan', scanType: 'Quick', onUserMachines: false }],
    },
  },
  {
    text: 'b when (severity = high or severity = medium) and source = mde then isolate',
    expected: {
      condition: {
        kind: 'and',
        operands: [
          {
            kind: 'or',
            operands: [
              { kind: 'severity', op: '=', value: 'high' },
              { kind: 'severity', op: '=', value: 'medium' },
            ],
          },
          { kind: 'source', op: '=', value: 'mde' },
        ],
      },
      actions: [{ kind: 'isolate', isolationType: 'Full', onUserMachines: false }],
    },
  },
  {
    text: 'c when (title = a and title = b) and title = c then unisolate',
    expected: {
      condition: {
        kind: 'and',
        operands: [
          {
            kind: 'and',
            operands: [
              { kind: 'text', field: 'title', op: '=', value: 'a' },
              { kind: 'text', field: 'title', op: '=', value: 'b' },
            ],
          },
          { kind: 'text', field: 'title', op: '=', value: 'c' },
        ],
      },
      actions: [{ kind: 'unisolate', onUserMachines: false }],
    },
  },
  {
    text: 'regex when title ~ /mimi(katz)?\\/x[/]y/si then scan',
    expected: { condition: { kind: 'regex', field: 'title', pattern: 'mimi(katz)?\\/x[/]y', flags: 'is' } },
  },
  {
    text: 'globs when machine = ws-* or machine.name != "db-??" then scan',
    expected: {
      condition: {
        kind: 'or',
        operands: [
          { kind: 'glob', field: 'machine', op: '=', pattern: 'ws-*' },
          { kind: 'glob', field: 'machine', op: '!=', pattern: 'db-??' },
        ],
      },
    },
  },
  {
    text: 'hosts when machine = ws-042 and machine ~ "contoso" and machine ~ /^ws/ then isolate',
    expected: {
      condition: {
        kind: 'and',
        operands: [
          { kind: 'text', field: 'machine', op: '=', value: 'ws-042' },
          { kind: 'text', field: 'machine', op: '~', value: 'contoso' },
          { kind: 'regex', field: 'machine', pattern: '^ws', flags: '' },
        ],
      },
    },
  },
  {
    text: 'users when user = alice@contoso.com or user ~ bob then notify soc@contoso.com',
    expected: {
      condition: {
        kind: 'or',
        operands: [
          { kind: 'text', field: 'user', op: '=', value: 'alice@contoso.com' },
          { kind: 'text', field: 'user', op: '~', value: 'bob' },
        ],
      },
      actions: [{ kind: 'notifyUser', upn: 'soc@contoso.com' }],
    },
  },
  {
    text: 'mitre when mitre = t1059 or technique = T1003.001 or mitre != T1566 then resolve as true positive',
    expected: {
      condition: {
        kind: 'or',
        operands: [
          { kind: 'mitre', op: '=', value: 'T1059' },
          { kind: 'mitre', op: '=', value: 'T1003.001' },
          { kind: 'mitre', op: '!=', value: 'T1566' },
        ],
      },
      actions: [{ kind: 'resolve', classification: 'truePositive' }],
    },
  },
  {
    text: 'st when status = inprogress and status != Resolved and detectionSource = WindowsDefenderAv then resolve as falsepositive',
    expected: {
      condition: {
        kind: 'and',
        operands: [
          { kind: 'status', op: '=', value: 'inProgress' },
          { kind: 'status', op: '!=', value: 'resolved' },
          { kind: 'text', field: 'detectionSource', op: '=', value: 'WindowsDefenderAv' },
        ],
      },
      actions: [{ kind: 'resolve', classification: 'falsePositive' }],
    },
  },
  {
    text: 'info when source != mde then resolve as informational, assign me',
    expected: {
      actions: [
        { kind: 'resolve', classification: 'informationalExpectedActivity' },
        { kind: 'assign', assignee: 'me' },
      ],
    },
  },
  {
    text: 'opts when severity = high then isolate, notify channel dry-run for 7d stop order 10',
    expected: { options: { order: 10, stop: true, expiresInMs: 7 * 86_400_000, dryRun: true } },
  },
  {
    text: 'opts2 when severity = high then scan, stop, for 12h',
    expected: { options: { stop: true, expiresInMs: 12 * 3_600_000, dryRun: false } },
  },
  {
    text: 'opts3 when severity = high then scan for 30m order 9999 dryrun',
    expected: { options: { order: 9999, stop: false, expiresInMs: 30 * 60_000, dryRun: true } },
  },
  {
    text: '“smart quotes” when title ~ ‘it’s here’ then isolate selective, require approval',
    expected: {
      name: 'smart quotes',
      condition: { kind: 'text', field: 'title', op: '~', value: 'it’s here' },
      actions: [
        { kind: 'isolate', isolationType: 'Selective', onUserMachines: false },
        { kind: 'requireApproval' },
      ],
    },
  },
  {
    text: "'single' when title = 'say \\'hi\\'' and category = \"a \\\"b\\\" c:\\\\d\" then scan",
    expected: {
      name: 'single',
      condition: {
        kind: 'and',
        operands: [
          { kind: 'text', field: 'title', op: '=', value: "say 'hi'" },
          { kind: 'text', field: 'category', op: '=', value: 'a "b" c:\\d' },
        ],
      },
    },
  },
  {
    text: '"  spaced   name  " when title ~ "C:\\Windows" then scan',
    expected: {
      name: 'spaced name',
      condition: { kind: 'text', field: 'title', op: '~', value: 'C:\\Windows' },
    },
  },
  {
    text: 'compact when(severity>=high)and title~x then isolate full on user machines,notify channel',
    expected: {},
  },
  {
    text: 'nots when not not machine.tag != tier0 then isolate on user machines',
    expected: {
      condition: {
        kind: 'not',
        operand: { kind: 'not', operand: { kind: 'tag', op: '!=', value: 'tier0' } },
      },
      actions: [{ kind: 'isolate', isolationType: 'Full', onUserMachines: true }],
    },
  },
  {
    text: 'keywords when title = "and" or title = "THEN" then scan',
    expected: {
      condition: {
        kind: 'or',
        operands: [
          { kind: 'text', field: 'title', op: '=', value: 'and' },
          { kind: 'text', field: 'title', op: '=', value: 'THEN' },
        ],
      },
    },
  },
  {
    text: 'eq when severity == high then notify "o\'brien@contoso.com"',
    expected: {
      condition: { kind: 'severity', op: '=', value: 'high' },
      actions: [{ kind: 'notifyUser', upn: "o'brien@contoso.com" }],
    },
  },
  {
    text: `${'n'.repeat(80)} when severity = high then scan`,
    expected: { name: 'n'.repeat(80) },
  },
];
