/** How many alerts the scenarios add to the simulator's estate, so a `$top=100` read returns 100. */
export const SEEDED_ALERTS = 500;

/** Raises 500 open alerts over 50 machines through the simulator's control route. */
export async function seedAlerts(simUrl: string): Promise<void> {
  const response = await fetch(`${simUrl}/_sim/mde/alerts/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: SEEDED_ALERTS, machines: 50, template: { title: 'Bench alert' } }),
  });
  await response.text();
  if (!response.ok) throw new Error(`seeding alerts: HTTP ${response.status}`);
}
