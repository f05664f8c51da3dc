/**
 * Adds the bot to a team, as a user would in Teams, through the playground's own route
 * (`POST /_debug/conversation/{id}/installation`): the bot then receives an `installationUpdate`
 * (`action: 'add'`) and a `conversationUpdate` (`membersAdded` = the bot, `eventType: 'teamMemberAdded'`).
 *
 * Pass the team id and both activities arrive in the General channel (whose id is the team's); pass a
 * channel id (e.g. SOC Alerts) and they arrive in that channel with `channelData.settings.selectedChannel`
 * and `channelData.channel` set to it, as when a user picks a channel while adding an app. Either way
 * `channelData.team` names the team. Chat ids work too (then only the chat, no team). Resolves once the
 * playground has accepted the request; it delivers the activities just after, and if the bot is not
 * listening yet they are lost (only its log says so), so call this once the bot is up.
 */
export async function installBotInTeam(playgroundUrl: string, teamOrChannelId: string): Promise<void> {
  const route = `${playgroundUrl}/_debug/conversation/${encodeURIComponent(teamOrChannelId)}/installation`;
  const response = await fetch(route, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    const detail = (await response.text())
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300);
    throw new Error(
      `The Agents Playground refused to install the bot in ${teamOrChannelId}: ${response.status} ${detail}`,
    );
  }
}
