import { join, resolve } from 'node:path';
import type { ManifestSettings } from '../../../../src/adapters/teams/manifest/build-manifest';
import {
  type ManifestSources,
  readManifestSources,
} from '../../../../src/adapters/teams/manifest/read-manifest-sources';

/** The repository's root. */
export const ROOT = resolve(__dirname, '..', '..', '..', '..');

/** The official v1.29 schema, present in CI beside the clone and absent from a user's clone. */
export const OFFICIAL_SCHEMA_PATH = join(ROOT, '..', 'shared', 'schemas', 'teams-manifest.schema.json');

/** Settings of a real tenant's package. */
export const SETTINGS: ManifestSettings = Object.freeze({
  appId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  version: '1.2.3',
  developerName: 'Contoso SOC',
  websiteUrl: 'https://soc.contoso.com',
  privacyUrl: 'https://soc.contoso.com/privacy',
  termsOfUseUrl: 'https://soc.contoso.com/terms',
  botId: '11111111-2222-3333-4444-555555555555',
});

/** The committed `manifest/` sources. */
export function repoSources(): ManifestSources {
  return readManifestSources(join(ROOT, 'manifest'));
}

/** A deep copy of a JSON value, to break on purpose. */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
