/** What a read command answers someone who may not read alerts (a person of another tenant's roles…). */
export const READ_REFUSED =
  'Sorry, you may not read alerts in Vigil. Ask an admin for a role (type `roles` to see who).';
