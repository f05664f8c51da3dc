import type { TeamsCommand } from '../commands/teams-command';
import { AppPackageError } from './app-package-error';
import { buildManifest, type ManifestSettings } from './build-manifest';
import { checkColorIcon, checkOutlineIcon } from './check-png';
import type { ManifestSources } from './read-manifest-sources';
import type { TeamsManifest } from './teams-manifest';
import { manifestValidator } from './validate-manifest';
import { writeZip } from './write-zip';

/** A built and checked Teams app package. */
export interface AppPackage {
  /** The manifest inside the zip, validated. */
  readonly manifest: TeamsManifest;
  /** `manifest.json` as written in the zip. */
  readonly manifestJson: string;
  /** The zip: `manifest.json` and the two icons, at its root. */
  readonly zip: Buffer;
}

/**
 * Builds the Teams app package: fills the template, generates the command lists from the registry,
 * validates the manifest against the schema of the sources (offline), checks both icons, and zips the
 * three files at the root under the names the manifest gives them. Every problem found is reported
 * at once in an `AppPackageError`.
 */
export function buildAppPackage(
  sources: ManifestSources,
  settings: ManifestSettings,
  commands: readonly Pick<TeamsCommand, 'name' | 'summary'>[],
): AppPackage {
  const built = buildManifest(sources.template, settings, commands);
  const result = manifestValidator(sources.schema)(built);
  const problems = result.valid ? [] : result.problems.map((problem) => `manifest.json ${problem}`);
  const icons = result.valid ? result.manifest.icons : { color: 'color.png', outline: 'outline.png' };
  problems.push(
    ...checkColorIcon(sources.colorIcon, icons.color),
    ...checkOutlineIcon(sources.outlineIcon, icons.outline),
  );
  if (icons.color === icons.outline)
    problems.push(`icons: color and outline are the same file (${icons.color}).`);
  if (!result.valid || problems.length > 0) throw new AppPackageError(problems);
  const manifestJson = `${JSON.stringify(result.manifest, null, 2)}\n`;
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(manifestJson, 'utf8') },
    { name: icons.color, data: sources.colorIcon },
    { name: icons.outline, data: sources.outlineIcon },
  ]);
  return { manifest: result.manifest, manifestJson, zip };
}
