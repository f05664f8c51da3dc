/** Roles that may read alerts (defender-api.md §1). */
export const ALERT_READ_ROLES = ['Alert.Read.All', 'Alert.ReadWrite.All'] as const;
/** Roles that may change alerts (PATCH and batchUpdate). */
export const ALERT_WRITE_ROLES = ['Alert.ReadWrite.All'] as const;
