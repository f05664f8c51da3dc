import type { DefenderRoute } from './defender-route';

const post = (template: string): DefenderRoute => ({
  method: 'POST',
  template,
  family: 'mcas',
  retry: 'safe',
  subject: 'Cloud Apps alert',
});

/**
 * Every Defender for Cloud Apps route Vigil calls (defender-api.md §7). Listing is a POST that only
 * reads; closing and marking read are the same however often they are sent, so all may be repeated.
 */
export const MCAS_ROUTES = {
  listAlerts: post('/api/v1/alerts/'),
  getAlert: { ...post('/api/v1/alerts/{id}/'), method: 'GET' },
  closeBenign: post('/api/v1/alerts/close_benign/'),
  closeFalsePositive: post('/api/v1/alerts/close_false_positive/'),
  closeTruePositive: post('/api/v1/alerts/close_true_positive/'),
  markRead: post('/api/v1/alerts/{id}/read/'),
  markUnread: post('/api/v1/alerts/{id}/unread/'),
} as const satisfies Record<string, DefenderRoute>;
