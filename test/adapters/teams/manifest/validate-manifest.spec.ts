import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import { COMMANDS } from '../../../../src/adapters/teams/commands/route-command';
import { buildManifest } from '../../../../src/adapters/teams/manifest/build-manifest';
import {
  manifestValidator,
  type ValidateManifest,
} from '../../../../src/adapters/teams/manifest/validate-manifest';
import { copyOf, OFFICIAL_SCHEMA_PATH, repoSources, SETTINGS } from './manifest-fixture';

// biome-ignore lint/suspicious/noExplicitAny: a manifest broken on purpose, field by field
type Json = Record<string, any>;

describe('validateManifest', () => {
  const sources = repoSources();
  const validate: ValidateManifest = manifestValidator(sources.schema);
  const good = () => copyOf(buildManifest(sources.template, SETTINGS, COMMANDS)) as Json;

  /** The problems of a manifest broken by `breakIt`; fails when it is valid. */
  function problemsOf(breakIt: (manifest: Json) => void): readonly string[] {
    const manifest = good();
    breakIt(manifest);
    const result = validate(manifest);
    assert.ok(!result.valid, 'expected the broken manifest to be refused');
    return result.problems;
  }

  it('should refuse a short name over 30 characters, naming the path', () => {
    const problems = problemsOf((m) => {
      m.name.short = 'V'.repeat(31);
    });
    assert.deepEqual(problems, ['/name/short: must NOT have more than 30 characters (got 31)']);
  });

  it('should refuse an app id and a bot id that are not GUIDs', () => {
    const problems = problemsOf((m) => {
      m.id = 'vigil';
      m.bots[0].botId = '11111111-2222-3333-4444-55555555555';
    });
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^\/id: must match pattern .* \(got "vigil"\)$/);
    assert.match(problems[1]!, /^\/bots\/0\/botId: must match pattern/);
  });

  it('should refuse 11 commands in a list and a fourth list', () => {
    const problems = problemsOf((m) => {
      const list = m.bots[0].commandLists[0];
      list.commands = Array.from({ length: 11 }, (_, i) => ({ title: `c${i}`, description: `command ${i}` }));
      m.bots[0].commandLists.push(copyOf(list), copyOf(list));
    });
    assert.ok(
      problems.includes('/bots/0/commandLists: must NOT have more than 3 items (got 4)'),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes('/bots/0/commandLists/0/commands: must NOT have more than 10 items (got 11)'),
      problems.join('\n'),
    );
  });

  it('should report every problem at once: lengths, colour, URLs, scopes, icons and unknown fields', () => {
    const problems = problemsOf((m) => {
      m.description.short = 'd'.repeat(81);
      m.description.full = 'd'.repeat(4001);
      m.developer.name = 'n'.repeat(33);
      m.developer.privacyUrl = 'http://soc.contoso.com/privacy';
      m.accentColor = 'navy';
      m.bots[0].scopes = ['team', 'channel'];
      m.bots[0].commandLists[0].commands[0].title = 't'.repeat(129);
      m.icons.outline = 'icons/outline.png';
      m.manifestVersion = '1.17';
      m.staticTabs = [];
      delete m.version;
    });
    const paths = problems.map((p) => p.split(':')[0]);
    assert.deepEqual(
      [...paths].sort(),
      [
        '/',
        '/',
        '/accentColor',
        '/bots/0/commandLists/0/commands/0/title',
        '/bots/0/scopes/1',
        '/description/full',
        '/description/short',
        '/developer/name',
        '/developer/privacyUrl',
        '/icons/outline',
        '/manifestVersion',
      ],
      problems.join('\n'),
    );
    assert.ok(problems.includes('/: the property "version" is missing'));
    assert.ok(problems.some((p) => p.startsWith('/: unknown property "staticTabs"')));
    assert.ok(problems.includes('/manifestVersion: must be "1.29" (got "1.17")'));
    assert.ok(problems.some((p) => p.startsWith('/bots/0/scopes/1: must be one of "team", "personal"')));
  });

  it('should refuse something that is not an object', () => {
    const result = validate('manifest');
    assert.ok(!result.valid);
    assert.deepEqual(result.problems, ['/: must be object (got "manifest")']);
  });

  it('should also pass the official v1.29 schema (draft-04; CI only: skipped when ../shared/schemas/teams-manifest.schema.json is absent, as in a user clone)', function () {
    if (!existsSync(OFFICIAL_SCHEMA_PATH)) {
      console.log(`      (skipped: no official schema at ${OFFICIAL_SCHEMA_PATH})`);
      this.skip();
    }
    const official = JSON.parse(readFileSync(OFFICIAL_SCHEMA_PATH, 'utf8'));
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, logger: false });
    const check = ajv.compile(official);
    assert.ok(check(good()), JSON.stringify(check.errors, null, 2));
    const broken = good();
    broken.name.short = 'V'.repeat(31);
    assert.ok(!check(broken), 'the official schema refuses what Vigil refuses');
  });
});
