import type { Migration } from './migration';
import { v001CoreTables } from './v001-core-tables';
import { v002ResponseTables } from './v002-response-tables';
import { v003ActionTracking } from './v003-action-tracking';
import { v004RuleDetails } from './v004-rule-details';

/** Every migration, in version order. The last one's version is the schema version this code expects. */
export const ALL_MIGRATIONS: readonly Migration[] = [
  v001CoreTables,
  v002ResponseTables,
  v003ActionTracking,
  v004RuleDetails,
];
