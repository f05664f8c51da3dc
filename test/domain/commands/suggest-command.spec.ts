import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMMAND_NAMES } from '../../../src/domain/commands/command-names';
import { suggestCommand, suggestionThreshold } from '../../../src/domain/commands/suggest-command';
import { commandTextArbitrary, failsOnlyAsParseError } from './command-text-arbitrary';

describe('suggestCommand', () => {
  const suggestions: [string, string[]][] = [
    ['isloate', ['isolate']],
    ['isloate ws-042 full', ['isolate']],
    ['ISLOATE', ['isolate']],
    ['unisloate ws-042', ['unisolate']],
    ['rol grant <at>Bob</at> admin', ['role grant']],
    ['role grnat x', ['role grant']],
    ['role revok x', ['role revoke']],
    ['rule tset r1', ['rule test']],
    ['rule ad', ['rule add']],
    ['rule disabel r1', ['rule disable']],
    ['alrts', ['alerts']],
    ['alrts high', ['alerts']],
    ['aletr da1', ['alert']],
    ['hepl', ['help']],
    ['hlep', ['help']],
    ['sacn ws-1', ['scan']],
    ['reslove da1 tp', ['resolve']],
    ['mahcine ws-1', ['machine']],
    ['chanel here', ['channel here']],
    ['channel&nbsp;hree', ['channel here']],
    ['<at>Vigil</at> hepl', ['help']],
    ['audti', ['audit']],
    ['digets', ['digest']],
    ['rales', ['rules', 'roles']],
    ['huntz', ['hunt', 'hunts']],
  ];
  for (const [typed, expected] of suggestions) {
    it(`should suggest ${expected.join(' or ')} for ${JSON.stringify(typed)}`, () => {
      assert.deepEqual(suggestCommand(typed, COMMAND_NAMES), expected);
    });
  }

  const nothing = [
    '',
    '   ',
    'qwzx',
    'xyzzy plugh',
    'hello there',
    'is€€€€te ws',
    'h',
    'alertsalerts',
    'grant role',
    '"help"x9',
  ];
  for (const typed of nothing) {
    it(`should suggest nothing for ${JSON.stringify(typed)}`, () => {
      assert.deepEqual(suggestCommand(typed, COMMAND_NAMES), []);
    });
  }

  it('should allow one edit in a short word and two in a word of five letters or more', () => {
    assert.equal(suggestionThreshold('scan'), 1);
    assert.equal(suggestionThreshold('alert'), 2);
    assert.deepEqual(suggestCommand('sxcn', COMMAND_NAMES), []);
    assert.deepEqual(suggestCommand('isxlaxe', COMMAND_NAMES), ['isolate']);
    assert.deepEqual(suggestCommand('isxlxxe', COMMAND_NAMES), []);
  });

  it('should compare a two-word command only with two typed words', () => {
    assert.deepEqual(suggestCommand('chanel', COMMAND_NAMES), []);
    assert.deepEqual(suggestCommand('rol', COMMAND_NAMES), ['roles']);
  });

  it('should prefer, at the same distance, the command that uses more of the typed words', () => {
    assert.deepEqual(suggestCommand('role grnat x', ['roles', 'role grant']), ['role grant']);
    assert.deepEqual(suggestCommand('role grnat x', ['role grant', 'roles']), ['role grant']);
    assert.deepEqual(suggestCommand('rules', ['rule add', 'rules']), ['rules']);
  });

  it('should give the exact command when the words are one', () => {
    assert.deepEqual(suggestCommand('Help me', COMMAND_NAMES), ['help']);
  });

  it('should give each name once even when listed twice', () => {
    assert.deepEqual(suggestCommand('hepl', ['help', 'help']), ['help']);
  });

  it('should be quick on a very long word', () => {
    const started = performance.now();
    assert.deepEqual(suggestCommand('i'.repeat(1_000_000), COMMAND_NAMES), []);
    assert.ok(performance.now() - started < 1000);
  });

  it('should never throw, be quick, and suggest only known names on any text', () => {
    fc.assert(
      fc.property(commandTextArbitrary, (text) =>
        failsOnlyAsParseError(text, () => {
          const found = suggestCommand(text, COMMAND_NAMES);
          if (found.some((name) => !(COMMAND_NAMES as readonly string[]).includes(name))) {
            throw new Error('suggested an unknown name');
          }
          return found;
        }),
      ),
    );
  });
});
