import Ajv, { type ErrorObject } from 'ajv';
import type { TeamsManifest } from './teams-manifest';

/** The outcome of a validation: the typed manifest, or every problem, each naming its JSON path. */
export type ManifestValidation =
  | { readonly valid: true; readonly manifest: TeamsManifest }
  | { readonly valid: false; readonly problems: readonly string[] };

/** Checks a manifest against a schema; built once per schema by `manifestValidator`. */
export type ValidateManifest = (manifest: unknown) => ManifestValidation;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One ajv error as a line such as `/name/short: must NOT have more than 30 characters (got 31)`. */
function describe(error: ErrorObject): string {
  const path = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${path}: unknown property "${String(params.additionalProperty)}" (manifest.schema.json does not list it)`;
    case 'required':
      return `${path}: the property "${String(params.missingProperty)}" is missing`;
    case 'enum':
      return `${path}: must be one of ${(params.allowedValues as unknown[]).map(shown).join(', ')} (got ${shown(error.data)})`;
    case 'const':
      return `${path}: must be ${shown(params.allowedValue)} (got ${shown(error.data)})`;
    case 'maxLength':
    case 'minLength':
      return `${path}: ${error.message} (got ${String((error.data as string).length)})`;
    case 'maxItems':
    case 'minItems':
      return `${path}: ${error.message} (got ${String((error.data as unknown[]).length)})`;
    case 'pattern':
    case 'type':
      return `${path}: ${error.message} (got ${shown(error.data)})`;
    default:
      return `${path}: ${error.message ?? error.keyword}`;
  }
}

/**
 * A validator of Teams app manifests against a JSON schema (draft-07, such as Vigil's own
 * `manifest/manifest.schema.json`), offline: the schema is given, never fetched. Every problem is
 * reported, not only the first.
 */
export function manifestValidator(schema: object): ValidateManifest {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  const validate = ajv.compile(schema);
  return (manifest) => {
    if (validate(manifest)) return { valid: true, manifest: manifest as TeamsManifest };
    const problems = (validate.errors ?? []).map(describe);
    return { valid: false, problems: [...new Set(problems)] };
  };
}

/** Validates one manifest against a schema (see `manifestValidator`). */
export function validateManifest(manifest: unknown, schema: object): ManifestValidation {
  return manifestValidator(schema)(manifest);
}
