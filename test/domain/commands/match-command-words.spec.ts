import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMMAND_NAMES } from '../../../src/domain/commands/command-names';
import { matchCommandWords } from '../../../src/domain/commands/match-command-words';
import { tokenizeCommand } from '../../../src/domain/commands/tokenize-command';
import { commandTextArbitrary, failsOnlyAsParseError } from './command-text-arbitrary';

/** The matched name and the arguments' values, for short tables. */
function match(text: string, names: readonly string[] = COMMAND_NAMES): [string, string[]] | undefined {
  const found = matchCommandWords(tokenizeCommand(text).tokens, names);
  return found === undefined ? undefined : [found.name, found.args.map((token) => token.value)];
}

describe('matchCommandWords', () => {
  const matches: [string, string, string[]][] = [
    ['help', 'help', []],
    ['HELP', 'help', []],
    ['alerts high open', 'alerts', ['high', 'open']],
    ['alert da123', 'alert', ['da123']],
    ['Role GRANT x admin', 'role grant', ['x', 'admin']],
    ['role revoke <at>Bob</at>', 'role revoke', ['Bob']],
    ['roles', 'roles', []],
    ['rule test r1 30', 'rule test', ['r1', '30']],
    ['rules', 'rules', []],
    ['channel&nbsp;here', 'channel here', []],
    ['  isolate   ws-042  full  ', 'isolate', ['ws-042', 'full']],
    ['unisolate ws-042', 'unisolate', ['ws-042']],
    ['hunts', 'hunts', []],
    ['hunt "DeviceEvents | take 5"', 'hunt', ['DeviceEvents | take 5']],
  ];
  for (const [text, name, args] of matches) {
    it(`should read ${JSON.stringify(text)} as ${name}`, () => {
      assert.deepEqual(match(text), [name, args]);
    });
  }

  const misses = [
    '',
    'isloate ws-1',
    'rule',
    'role',
    'channel',
    'alertsx',
    '"help"',
    '<at>Vigil</at> help',
    'here channel',
  ];
  for (const text of misses) {
    it(`should find no command in ${JSON.stringify(text)}`, () => {
      assert.equal(match(text), undefined);
    });
  }

  it('should prefer the name with more words whatever the order of the names', () => {
    assert.deepEqual(match('role grant x', ['role', 'role grant']), ['role grant', ['x']]);
    assert.deepEqual(match('role grant x', ['role grant', 'role']), ['role grant', ['x']]);
    assert.deepEqual(match('role x', ['role grant', 'role']), ['role', ['x']]);
  });

  it('should give the name as it was given, and ignore blank names', () => {
    assert.deepEqual(match('rule  add', ['', '  ', 'Rule  Add']), ['Rule  Add', []]);
  });

  it('should keep the argument tokens whole, with their positions', () => {
    const found = matchCommandWords(tokenizeCommand('isolate ws-1 "a b"').tokens, COMMAND_NAMES);
    assert.deepEqual(found?.args, [
      { kind: 'word', value: 'ws-1', raw: 'ws-1', position: 8 },
      { kind: 'quoted', value: 'a b', raw: '"a b"', position: 13 },
    ]);
  });

  it('should never throw, and be quick, on the tokens of any text', () => {
    fc.assert(
      fc.property(commandTextArbitrary, (text) =>
        failsOnlyAsParseError(text, () => matchCommandWords(tokenizeCommand(text).tokens, COMMAND_NAMES)),
      ),
    );
  });
});
