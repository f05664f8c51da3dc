import { DEMO_DEFENDER } from '../config/load-config';

/** A person in the demo tenant, as the Agents Playground describes one. */
export interface DemoUser {
  /** Teams user id (`29:…`): what arrives in `activity.from.id`. */
  readonly id: string;
  readonly name: string;
  /** Entra object id: what arrives in `activity.from.aadObjectId`; Vigil's roles are keyed on it. */
  readonly aadObjectId: string;
  readonly userPrincipalName: string;
  readonly givenName: string;
  readonly surname: string;
}

/** The Teams tenant the demo runs in: who is there, the SOC team and its channels. */
export interface SocLayout {
  /** Same tenant as the demo Defender tenant, as in a real deployment. */
  readonly tenantId: string;
  /** The bot as Teams addresses it (`28:…`) and its display name (what `<at>…</at>` mentions). */
  readonly bot: { readonly id: string; readonly name: string };
  /** The person using the playground's web UI (an analyst; an admin in demo mode). */
  readonly currentUser: DemoUser;
  /** The other members of the team; the playground requires exactly five. */
  readonly users: readonly DemoUser[];
  readonly personalChatId: string;
  readonly groupChat: { readonly id: string; readonly name: string };
  /** The team. Its General channel has the team's id, as in Teams. */
  readonly team: { readonly id: string; readonly name: string; readonly aadGroupId: string };
  /** The channel alert cards go to. */
  readonly alertsChannel: { readonly id: string; readonly name: string };
}

function user(slug: string, givenName: string, surname: string, n: number): DemoUser {
  const login = `${givenName.toLowerCase()}${surname[0]!.toLowerCase()}`;
  return {
    id: `29:soc-${slug}`,
    name: `${givenName} ${surname}`,
    aadObjectId: `00000000-0000-4000-8000-0000000000${20 + n}`,
    userPrincipalName: `${login}@contoso.com`,
    givenName,
    surname,
  };
}

/** The demo's Teams layout: team **SOC** with channel **SOC Alerts**, analyst Alex Wilber at the keyboard. */
export const socLayout: SocLayout = Object.freeze({
  tenantId: DEMO_DEFENDER.tenantId,
  bot: { id: '28:00000000-0000-4000-8000-00000000b001', name: 'Vigil' },
  currentUser: user('alex-wilber', 'Alex', 'Wilber', 0),
  users: [
    user('megan-bowen', 'Megan', 'Bowen', 1),
    user('adele-vance', 'Adele', 'Vance', 2),
    user('isaiah-langer', 'Isaiah', 'Langer', 3),
    user('patti-fernandez', 'Patti', 'Fernandez', 4),
    user('lynne-robbins', 'Lynne', 'Robbins', 5),
  ],
  personalChatId: 'a:vigil-demo-personal-chat',
  groupChat: { id: '19:soc-leads@thread.v2', name: 'SOC Leads' },
  team: { id: '19:soc-team@thread.tacv2', name: 'SOC', aadGroupId: '00000000-0000-4000-8000-000000000031' },
  alertsChannel: { id: '19:soc-alerts@thread.tacv2', name: 'SOC Alerts' },
});
