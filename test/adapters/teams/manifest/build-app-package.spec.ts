import assert from 'node:assert/strict';
import { COMMANDS } from '../../../../src/adapters/teams/commands/route-command';
import { AppPackageError } from '../../../../src/adapters/teams/manifest/app-package-error';
import { buildAppPackage } from '../../../../src/adapters/teams/manifest/build-app-package';
import { buildManifest } from '../../../../src/adapters/teams/manifest/build-manifest';
import { encodePng } from '../../../../src/adapters/teams/manifest/encode-png';
import { copyOf, repoSources, SETTINGS } from './manifest-fixture';
import { readZip } from './read-zip';

describe('buildAppPackage', () => {
  const sources = repoSources();

  it('should zip exactly manifest.json and the two icons, at the root', () => {
    const built = buildAppPackage(sources, SETTINGS, COMMANDS);
    const files = readZip(built.zip);
    assert.deepEqual(
      files.map((f) => f.name),
      ['manifest.json', 'color.png', 'outline.png'],
    );
    assert.ok(
      files.every((f) => !f.name.includes('/')),
      'no folder',
    );
    assert.deepEqual(files[1]!.data, sources.colorIcon);
    assert.deepEqual(files[2]!.data, sources.outlineIcon);
  });

  it('should put in the zip the manifest it built and validated', () => {
    const built = buildAppPackage(sources, SETTINGS, COMMANDS);
    const inside = JSON.parse(readZip(built.zip)[0]!.data.toString('utf8'));
    assert.deepEqual(inside, built.manifest);
    assert.deepEqual(inside, buildManifest(sources.template, SETTINGS, COMMANDS));
    assert.equal(built.manifestJson, readZip(built.zip)[0]!.data.toString('utf8'));
  });

  it('should report the manifest and icon problems together, and write nothing', () => {
    const template = copyOf(sources.template) as { name: { short: string } };
    template.name.short = 'Vigil, the SOC chat-ops bot for Teams';
    const badSources = {
      ...sources,
      template,
      outlineIcon: encodePng({ width: 1, height: 1, data: new Uint8Array([255, 255, 255, 255]) }),
    };
    try {
      buildAppPackage(badSources, { ...SETTINGS, botId: 'not-a-guid' }, COMMANDS);
      assert.fail('expected an AppPackageError');
    } catch (error) {
      assert.ok(error instanceof AppPackageError);
      assert.deepEqual(error.problems, [
        'manifest.json /name/short: must NOT have more than 30 characters (got 37)',
        'manifest.json /bots/0/botId: must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$" (got "not-a-guid")',
        'outline.png: must be 32x32 pixels, is 1x1.',
        'outline.png: the background must be transparent, but a corner pixel is not.',
      ]);
    }
  });
});
