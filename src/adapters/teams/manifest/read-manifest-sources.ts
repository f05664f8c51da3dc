import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from './fill-placeholders';

/** The files of `manifest/` a package is built from. */
export interface ManifestSources {
  /** `manifest.json`, parsed: the template with `{{…}}` placeholders. */
  readonly template: JsonValue;
  /** `manifest.schema.json`, parsed: Vigil's offline schema of the manifest. */
  readonly schema: object;
  /** `color.png`. */
  readonly colorIcon: Buffer;
  /** `outline.png`. */
  readonly outlineIcon: Buffer;
}

/** The names of the source files inside `manifest/`. */
export const MANIFEST_FILES = Object.freeze({
  template: 'manifest.json',
  schema: 'manifest.schema.json',
  colorIcon: 'color.png',
  outlineIcon: 'outline.png',
});

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads the manifest template, the schema and the two icons from a `manifest/` directory. */
export function readManifestSources(directory: string): ManifestSources {
  return {
    template: readJson(join(directory, MANIFEST_FILES.template)) as JsonValue,
    schema: readJson(join(directory, MANIFEST_FILES.schema)) as object,
    colorIcon: readFileSync(join(directory, MANIFEST_FILES.colorIcon)),
    outlineIcon: readFileSync(join(directory, MANIFEST_FILES.outlineIcon)),
  };
}
