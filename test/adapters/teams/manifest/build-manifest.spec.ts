import assert from 'node:assert/strict';
import { COMMANDS } from '../../../../src/adapters/teams/commands/route-command';
import { buildManifest, DEMO_BOT_ID } from '../../../../src/adapters/teams/manifest/build-manifest';
import { buildCommandLists } from '../../../../src/adapters/teams/manifest/command-lists';
import { validateManifest } from '../../../../src/adapters/teams/manifest/validate-manifest';
import { repoSources, SETTINGS } from './manifest-fixture';

describe('buildManifest', () => {
  const sources = repoSources();

  it("should fill manifest.json from the settings and pass Vigil's own schema", () => {
    const built = buildManifest(sources.template, SETTINGS, COMMANDS);
    assert.doesNotMatch(JSON.stringify(built), /\{\{/, 'no placeholder is left');
    const result = validateManifest(built, sources.schema);
    assert.ok(result.valid, result.valid ? '' : result.problems.join('\n'));
    const { manifest } = result;
    assert.equal(
      manifest.$schema,
      'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json',
    );
    assert.equal(manifest.manifestVersion, '1.29');
    assert.equal(manifest.id, SETTINGS.appId);
    assert.equal(manifest.version, SETTINGS.version);
    assert.deepEqual(manifest.developer, {
      name: SETTINGS.developerName,
      websiteUrl: SETTINGS.websiteUrl,
      privacyUrl: SETTINGS.privacyUrl,
      termsOfUseUrl: SETTINGS.termsOfUseUrl,
    });
    assert.equal(manifest.name.short, 'Vigil');
    assert.deepEqual(manifest.icons, { color: 'color.png', outline: 'outline.png' });
    assert.deepEqual(manifest.permissions, ['identity', 'messageTeamMembers']);
    assert.ok(manifest.validDomains?.includes('security.microsoft.com'));
  });

  it('should give the bot its id, the three scopes and the command lists of the registry', () => {
    const result = validateManifest(buildManifest(sources.template, SETTINGS, COMMANDS), sources.schema);
    assert.ok(result.valid);
    assert.equal(result.manifest.bots.length, 1);
    const bot = result.manifest.bots[0]!;
    assert.equal(bot.botId, SETTINGS.botId);
    assert.deepEqual(bot.scopes, ['team', 'personal', 'groupChat']);
    assert.equal(bot.isNotificationOnly, false);
    assert.deepEqual(bot.commandLists, buildCommandLists(COMMANDS));
  });

  it('should follow the registry when it changes', () => {
    const more = [
      ...COMMANDS.filter((command) => command.name !== 'audit'),
      { name: 'hunts', summary: 'list the saved hunting queries' },
      { name: 'digest', summary: 'the daily digest', menu: false },
    ];
    const result = validateManifest(buildManifest(sources.template, SETTINGS, more), sources.schema);
    assert.ok(result.valid);
    const personal = result.manifest.bots[0]!.commandLists!.find((l) => l.scopes.includes('personal'))!;
    assert.deepEqual(
      personal.commands.map((c) => c.title),
      ['help', 'alerts', 'alert', 'machine', 'isolate', 'scan', 'resolve', 'roles', 'hunts'],
    );
  });

  it('should accept the demo bot id', () => {
    const result = validateManifest(
      buildManifest(sources.template, { ...SETTINGS, botId: DEMO_BOT_ID }, COMMANDS),
      sources.schema,
    );
    assert.ok(result.valid);
    assert.equal(result.manifest.bots[0]!.botId, DEMO_BOT_ID);
  });
});
