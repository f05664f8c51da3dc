import assert from 'node:assert/strict';
import { KqlError } from '../../../src/simulator/hunting/kql-error';
import { type KqlCatalog, RESULT_TOO_LARGE, runKql } from '../../../src/simulator/hunting/kql-evaluator';
import { CATALOG, column, EVENT_ROWS, NOW, run } from './kql-test-table';

const files = (where: string) => column(`Events | where ${where}`, 'FileName');

function queryError(query: string): KqlError {
  try {
    run(query);
  } catch (error) {
    assert.ok(error instanceof KqlError, `expected a KqlError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${query} to fail`);
}

describe('KQL evaluator', () => {
  describe('where', () => {
    const cases: Array<[string, string[]]> = [
      ['FileName == "cmd.exe"', ['cmd.exe']],
      ['FileName == "CMD.EXE"', []],
      ['FileName != "cmd.exe"', ['powershell.exe', 'mimikatz.exe', 'svchost.exe', 'PowerShell.EXE']],
      ['FileName =~ "POWERSHELL.exe"', ['powershell.exe', 'PowerShell.EXE']],
      ['FileName !~ "powershell.exe"', ['mimikatz.exe', 'cmd.exe', 'svchost.exe']],
      ['ProcessCommandLine contains "ENC"', ['powershell.exe', 'PowerShell.EXE']],
      ['ProcessCommandLine !contains "enc"', ['mimikatz.exe', 'cmd.exe', 'svchost.exe']],
      ['ProcessCommandLine contains_cs "ENC"', []],
      ['ProcessCommandLine has "-enc"', ['powershell.exe']],
      ['ProcessCommandLine has "enc"', ['powershell.exe']],
      ['ProcessCommandLine has "sekurlsa::logonpasswords"', ['mimikatz.exe']],
      ['ProcessCommandLine has "SHADOWS"', ['cmd.exe']],
      ['ProcessCommandLine has "shadow"', []],
      ['ProcessCommandLine !has "enc"', ['mimikatz.exe', 'cmd.exe', 'svchost.exe', 'PowerShell.EXE']],
      ['ProcessCommandLine has_cs "SHADOWS"', []],
      ['FileName startswith "POWER"', ['powershell.exe', 'PowerShell.EXE']],
      ['FileName !startswith "power"', ['mimikatz.exe', 'cmd.exe', 'svchost.exe']],
      [
        'FileName endswith ".EXE"',
        ['powershell.exe', 'mimikatz.exe', 'cmd.exe', 'svchost.exe', 'PowerShell.EXE'],
      ],
      ['FileName endswith_cs ".EXE"', ['PowerShell.EXE']],
      ['FileName !endswith "host.exe"', ['powershell.exe', 'mimikatz.exe', 'cmd.exe', 'PowerShell.EXE']],
      ['FileName in ("cmd.exe", "svchost.exe", "CMD.EXE")', ['cmd.exe', 'svchost.exe']],
      ['FileName !in ("cmd.exe", "svchost.exe")', ['powershell.exe', 'mimikatz.exe', 'PowerShell.EXE']],
      ['FileName in~ ("POWERSHELL.EXE")', ['powershell.exe', 'PowerShell.EXE']],
      ['FileName !in~ ("POWERSHELL.EXE", "CMD.exe")', ['mimikatz.exe', 'svchost.exe']],
      ['ProcessCommandLine has_any ("vssadmin", "-enc")', ['powershell.exe', 'cmd.exe']],
      ['RemotePort in (443, 80)', ['powershell.exe', 'cmd.exe', 'PowerShell.EXE']],
      ['RemotePort < 443', ['cmd.exe']],
      ['RemotePort <= 443', ['powershell.exe', 'cmd.exe', 'PowerShell.EXE']],
      ['RemotePort > 443', ['mimikatz.exe', 'svchost.exe']],
      ['RemotePort >= 445', ['mimikatz.exe', 'svchost.exe']],
      ['Score > 2', ['mimikatz.exe', 'PowerShell.EXE']],
      ['FileSize >= 1500.5', ['mimikatz.exe']],
      ['IsLocalAdmin == true', ['powershell.exe', 'svchost.exe']],
      ['IsLocalAdmin', ['powershell.exe', 'svchost.exe']],
      ['Timestamp > ago(1h)', ['powershell.exe', 'PowerShell.EXE']],
      ['Timestamp > ago(1d) and RemotePort == 443', ['powershell.exe', 'PowerShell.EXE']],
      ['Timestamp < now(-30d)', ['svchost.exe']],
      ['Timestamp >= datetime(2026-03-03T11:00:00Z)', ['powershell.exe', 'PowerShell.EXE']],
      [
        'RemotePort == 443 or FileName == "cmd.exe" and RemotePort == 80',
        ['powershell.exe', 'cmd.exe', 'PowerShell.EXE'],
      ],
      ['(RemotePort == 443 or FileName == "cmd.exe") and Score > 2', ['PowerShell.EXE']],
      ['not(FileName has "exe")', []],
      ['not(RemotePort == 443) and not(IsLocalAdmin)', ['mimikatz.exe', 'cmd.exe']],
      ['isempty(ProcessCommandLine)', ['svchost.exe']],
      ['isnotempty(ProcessCommandLine) and isempty(FileSize)', ['cmd.exe']],
      ['isnull(Score)', ['cmd.exe']],
      ['isnotnull(Score) and Score < 1', ['svchost.exe']],
      ['FileSize > 0', ['powershell.exe', 'mimikatz.exe', 'svchost.exe', 'PowerShell.EXE']],
      ['FileSize + 500 == 2000', ['PowerShell.EXE']],
      ['tolower(FileName) == "powershell.exe"', ['powershell.exe', 'PowerShell.EXE']],
      ['strlen(FileName) == 7', ['cmd.exe']],
      ['now() - Timestamp < 1h', ['powershell.exe', 'PowerShell.EXE']],
    ];
    for (const [where, expected] of cases) {
      it(`should keep ${JSON.stringify(expected)} for ${where}`, () => {
        assert.deepEqual(files(where), expected);
      });
    }

    it('should treat a comparison with null as not matching, either way', () => {
      assert.deepEqual(files('FileSize == 0 or FileSize != 0'), [
        'powershell.exe',
        'mimikatz.exe',
        'svchost.exe',
        'PowerShell.EXE',
      ]);
    });
  });

  describe('project, project-away, project-rename and extend', () => {
    it('should keep, rename and compute columns in the order written', () => {
      const result = run(
        'Events | take 1 | project FileName, Device = DeviceName, Column1x = RemotePort * 2',
      );
      assert.deepEqual(result.columns, [
        { name: 'FileName', type: 'string' },
        { name: 'Device', type: 'string' },
        { name: 'Column1x', type: 'long' },
      ]);
      assert.deepEqual(
        { ...result.rows[0] },
        { FileName: 'powershell.exe', Device: 'ws-001', Column1x: 886 },
      );
    });

    it('should name unnamed expressions Column1, Column2', () => {
      const result = run('Events | project toupper(FileName), strlen(DeviceName) | take 1');
      assert.deepEqual(
        result.columns.map((c) => c.name),
        ['Column1', 'Column2'],
      );
      assert.deepEqual({ ...result.rows[0] }, { Column1: 'POWERSHELL.EXE', Column2: 6 });
    });

    it('should drop columns with project-away and rename them in place with project-rename', () => {
      const away = run('Events | project-away ProcessCommandLine, Score, FileSize');
      assert.deepEqual(
        away.columns.map((c) => c.name),
        ['Timestamp', 'DeviceName', 'FileName', 'RemotePort', 'IsLocalAdmin'],
      );
      const renamed = run('Events | project-rename Host = DeviceName | take 1');
      assert.equal(renamed.columns[1]?.name, 'Host');
      assert.equal(renamed.rows[0]?.Host, 'ws-001');
      assert.equal(renamed.rows[0]?.DeviceName, undefined);
    });

    it('should extend with a copy, a literal, strcat, tolower and toupper, each seeing the ones before', () => {
      const result = run(
        'Events | take 1 | extend Copy = FileName, Source = "edr", Key = strcat(DeviceName, "/", FileName, "/", RemotePort), Low = tolower(Key), Up = toupper(Low)',
      );
      const row = result.rows[0]!;
      assert.deepEqual(
        [row.Copy, row.Source, row.Key, row.Low, row.Up],
        [
          'powershell.exe',
          'edr',
          'ws-001/powershell.exe/443',
          'ws-001/powershell.exe/443',
          'WS-001/POWERSHELL.EXE/443',
        ],
      );
      assert.equal(result.columns.length, 13);
    });

    it('should replace an existing column in place when extend reuses its name', () => {
      const result = run('Events | take 1 | extend FileName = toupper(FileName)');
      assert.equal(result.columns[2]?.name, 'FileName');
      assert.equal(result.rows[0]?.FileName, 'POWERSHELL.EXE');
    });

    it('should write datetimes as text in strcat and iff picks a branch', () => {
      const row = run(
        'Events | take 1 | extend T = strcat("at ", datetime(2026-01-01)), Kind = iff(RemotePort == 443, "web", "other")',
      ).rows[0]!;
      assert.equal(row.T, 'at 2026-01-01T00:00:00.000Z');
      assert.equal(row.Kind, 'web');
    });

    it('should not change the rows of the table it reads', () => {
      const before = JSON.stringify(EVENT_ROWS);
      run('Events | extend FileName = "x", New = 1 | project-rename F = FileName | sort by F asc');
      assert.equal(JSON.stringify(EVENT_ROWS), before);
    });
  });

  describe('take, top and sort', () => {
    it('should take or limit the first N rows in table order', () => {
      assert.deepEqual(column('Events | take 2', 'FileName'), ['powershell.exe', 'mimikatz.exe']);
      assert.deepEqual(column('Events | limit 1', 'FileName'), ['powershell.exe']);
      assert.deepEqual(column('Events | take 0', 'FileName'), []);
    });

    it('should take the top N by a column, descending unless asc', () => {
      assert.deepEqual(column('Events | top 2 by RemotePort', 'RemotePort'), [4444, 445]);
      assert.deepEqual(column('Events | top 2 by RemotePort asc', 'RemotePort'), [80, 443]);
      assert.deepEqual(column('Events | top 1 by Timestamp', 'FileName'), ['powershell.exe']);
    });

    it('should sort by several keys, stable on ties', () => {
      assert.deepEqual(column('Events | sort by RemotePort asc, FileName desc', 'FileName'), [
        'cmd.exe',
        'powershell.exe',
        'PowerShell.EXE',
        'svchost.exe',
        'mimikatz.exe',
      ]);
      assert.deepEqual(column('Events | order by RemotePort asc', 'FileName'), [
        'cmd.exe',
        'powershell.exe',
        'PowerShell.EXE',
        'svchost.exe',
        'mimikatz.exe',
      ]);
    });

    it('should put nulls last when descending and first when ascending, unless told', () => {
      assert.deepEqual(column('Events | sort by FileSize', 'FileSize'), [2000, 1500, 1000, 500, null]);
      assert.deepEqual(column('Events | sort by FileSize asc', 'FileSize'), [null, 500, 1000, 1500, 2000]);
      assert.deepEqual(column('Events | sort by FileSize asc nulls last', 'FileSize'), [
        500,
        1000,
        1500,
        2000,
        null,
      ]);
    });
  });

  describe('summarize, distinct and count', () => {
    it('should count per group with by-columns first, in order of first appearance', () => {
      const result = run('Events | summarize count() by DeviceName');
      assert.deepEqual(result.columns, [
        { name: 'DeviceName', type: 'string' },
        { name: 'count_', type: 'long' },
      ]);
      assert.deepEqual(
        result.rows.map((r) => [r.DeviceName, r.count_]),
        [
          ['ws-001', 1],
          ['ws-002', 2],
          ['WS-001', 1],
          ['srv-01', 1],
        ],
      );
    });

    it('should name aggregates as written or after their function and column', () => {
      const result = run(
        'Events | summarize n = count(), dcount(DeviceName), countif(RemotePort == 443), sum(FileSize), min(Timestamp), max(RemotePort), avg(Score) by IsLocalAdmin',
      );
      assert.deepEqual(
        result.columns.map((c) => `${c.name}:${c.type}`),
        [
          'IsLocalAdmin:bool',
          'n:long',
          'dcount_DeviceName:long',
          'countif_:long',
          'sum_FileSize:long',
          'min_Timestamp:datetime',
          'max_RemotePort:int',
          'avg_Score:real',
        ],
      );
      const admins = result.rows.find((r) => r.IsLocalAdmin === true)!;
      assert.deepEqual(
        { ...admins },
        {
          IsLocalAdmin: true,
          n: 2,
          dcount_DeviceName: 2,
          countif_: 1,
          sum_FileSize: 1500,
          min_Timestamp: NOW - 40 * 86_400_000,
          max_RemotePort: 445,
          avg_Score: 1,
        },
      );
    });

    it('should group by bin() of a time, naming the group after the column', () => {
      const result = run(
        'Events | where Timestamp > ago(1d) | summarize Events = count() by bin(Timestamp, 1h)',
      );
      assert.deepEqual(result.columns[0], { name: 'Timestamp', type: 'datetime' });
      assert.deepEqual(
        result.rows.map((r) => [new Date(r.Timestamp as number).toISOString(), r.Events]),
        [
          ['2026-03-03T11:00:00.000Z', 2],
          ['2026-03-03T10:00:00.000Z', 1],
        ],
      );
    });

    it('should name other computed groups Column1, Column2', () => {
      const result = run('Events | summarize count() by strlen(DeviceName), Admin = IsLocalAdmin');
      assert.deepEqual(
        result.columns.map((c) => c.name),
        ['Column1', 'Admin', 'count_'],
      );
    });

    it('should summarize without by into one row, even over no rows', () => {
      assert.deepEqual(column('Events | where RemotePort == 1 | summarize count()', 'count_'), [0]);
      assert.deepEqual(
        column('Events | where RemotePort == 1 | summarize count() by DeviceName', 'count_'),
        [],
      );
    });

    it('should list distinct combinations, and count rows', () => {
      assert.deepEqual(
        run('Events | distinct DeviceName, RemotePort').rows.map((r) => `${r.DeviceName}:${r.RemotePort}`),
        ['ws-001:443', 'ws-002:4444', 'WS-001:80', 'srv-01:445', 'ws-002:443'],
      );
      assert.equal(run('Events | distinct *').rows.length, 5);
      const count = run('Events | where RemotePort == 443 | count');
      assert.deepEqual(count.columns, [{ name: 'Count', type: 'long' }]);
      assert.deepEqual(
        count.rows.map((r) => r.Count),
        [2],
      );
    });
  });

  describe('semantic errors', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['Foo | take 1', 0, /^Failed to resolve table 'Foo' at position 0\.$/],
      [
        'events | take 1',
        0,
        /^Failed to resolve table 'events' at position 0\. Did you mean 'Events'\? Names are case-sensitive\.$/,
      ],
      ['Events | where Bar == 1', 15, /^Failed to resolve column 'Bar' at position 15\.$/],
      ['Events | where filename == "x"', 15, /Did you mean 'FileName'\?/],
      [
        'Events | project FileName | where DeviceName == "x"',
        34,
        /^Failed to resolve column 'DeviceName' at position 34\./,
      ],
      ['Events | project-away Nope', 22, /^Failed to resolve column 'Nope' at position 22\./],
      ['Events | distinct Nope', 18, /^Failed to resolve column 'Nope'/],
      [
        'Events | where Timestamp > "2026-01-01"',
        25,
        /cannot compare values of types datetime and string with '>'/,
      ],
      ['Events | where FileName == 1', 24, /cannot compare values of types string and long/],
      ['Events | where RemotePort in ("443")', 30, /cannot compare values of types int and string/],
      ['Events | where FileName', 15, /the 'where' predicate must be a Boolean expression but is string/],
      ['Events | where FileName == "a" and RemotePort', 35, /'and' needs Boolean operands but got int/],
      ['Events | where frob(FileName)', 15, /^Failed to resolve function 'frob' at position 15\./],
      ['Events | where Tolower(FileName) == "x"', 15, /Did you mean 'tolower'\?/],
      ['Events | where count() > 1', 15, /the aggregation function 'count' can only be used in summarize/],
      ['Events | summarize tolower(FileName)', 19, /'tolower' is not an aggregation function/],
      ['Events | summarize frob(FileName)', 19, /Failed to resolve aggregation function 'frob'/],
      [
        'Events | where ago(1) < Timestamp',
        19,
        /the function 'ago' expects timespan as argument 1 but got long/,
      ],
      ['Events | where strlen() > 1', 15, /the function 'strlen' expects 1 argument but got 0/],
      ['Events | project a = FileName, a = DeviceName', 31, /a column named 'a' is already defined/],
      [
        'Events | extend x = FileName + "x"',
        29,
        /the operator '\+' cannot be applied to string and string\. Use strcat\(\)/,
      ],
      ['Events | extend x = -FileName', 20, /cannot negate a value of type string/],
      ['Events | where iff(IsLocalAdmin, 1, "x") == 1', 36, /the arguments of 'iff' must have the same type/],
    ];
    for (const [query, position, message] of cases) {
      it(`should reject ${JSON.stringify(query)} at position ${position}`, () => {
        const error = queryError(query);
        assert.equal(error.kind, 'semantic');
        assert.equal(error.position, position);
        assert.match(error.message, message);
      });
    }

    it('should check the whole query before reading any row', () => {
      let read = false;
      const catalog: KqlCatalog = {
        tableNames: CATALOG.tableNames,
        table: (name) => {
          const table = CATALOG.table(name);
          if (!table) return undefined;
          const rows = () => {
            read = true;
            return table.rows();
          };
          return { columns: table.columns, rows };
        },
      };
      assert.throws(() => runKql('Events | take 1 | where Nope == 1', catalog, { now: NOW }), KqlError);
      assert.equal(read, false);
    });
  });

  describe('result size', () => {
    it('should refuse a result over the row cap with the service message', () => {
      assert.equal(run('Events', 5).rows.length, 5);
      const error = (() => {
        try {
          run('Events', 4);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      assert.ok(error instanceof KqlError);
      assert.equal(error.kind, 'limit');
      assert.equal(error.message, RESULT_TOO_LARGE);
      assert.match(error.message, /exceeded the allowed result size/);
    });
  });
});
