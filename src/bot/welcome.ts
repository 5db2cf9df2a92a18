// When to greet on a conversationUpdate. Another member joining is the usual case (Emulator, Web
// Chat, a user added to a Teams chat). In a Teams personal install the bot receives membersAdded
// with the user and itself, or with itself only (both shapes are seen): greet then too, once, since
// it is one activity. installationUpdate is not greeted: Teams sends it alongside the conversationUpdate.
import type { Activity } from 'botbuilder';

export function shouldWelcome(activity: Partial<Activity>): boolean {
  const added = activity.membersAdded ?? [];
  const botId = activity.recipient?.id;
  if (added.some((m) => m.id !== botId)) return true;
  return activity.channelId === 'msteams' && activity.conversation?.conversationType === 'personal' && added.length > 0;
}
