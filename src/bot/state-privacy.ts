// Bot state (dialog stacks, user properties) as a personal-data source: found from the subject index,
// keyed the way botbuilder's ConversationState and UserState key their storage.
import type { Storage } from 'botbuilder';
import type { PersonalDataSource, PrivacyRegistry } from '../privacy/registry.js';
import { SubjectIndex, type SubjectRecord } from '../privacy/subjects.js';
import { BotStorage, type StoredItem } from '../storage/bot-storage.js';
import type { DocumentStore } from '../storage/types.js';
import { savedContactPrivacySource } from './contact-privacy.js';
import { RECENT_TEXTS } from './transcript.js';

function keysOf(rec: SubjectRecord): string[] {
  return [`${rec.channelId}/users/${rec.userId}/`, ...rec.conversations.map((c) => `${rec.channelId}/conversations/${c}/`)];
}

export function botStatePrivacySource(storage: Storage, subjects: SubjectIndex, retentionDays: number): PersonalDataSource {
  return {
    name: 'conversation',
    description: 'L’état de vos conversations avec Virage (étape en cours, réponses en attente)',
    async export(subject) {
      const rec = await subjects.get(subject);
      if (!rec) return null;
      // What was said, per conversation (the export whitelist drops everything else of the state).
      const key = (c: string) => `${rec.channelId}/conversations/${c}/`;
      const state = await storage.read(rec.conversations.map(key));
      const conversations = rec.conversations.map((id) => ({
        id,
        recentMessages: (state[key(id)] as Record<string, unknown> | undefined)?.[RECENT_TEXTS] ?? [],
      }));
      return { channel: rec.channelId, firstSeen: rec.firstSeen, lastSeen: rec.lastSeen, conversations };
    },
    async erase(subject) {
      const rec = await subjects.get(subject);
      if (!rec) return 0;
      const keys = keysOf(rec);
      await storage.delete(keys);
      await subjects.remove(subject);
      return keys.length;
    },
    async purge(now) {
      const cutoff = new Date(now.getTime() - retentionDays * 86400000);
      let n = 0;
      for (const rec of await subjects.seenBefore(cutoff)) {
        await storage.delete(keysOf(rec));
        await subjects.remove(rec.subject);
        n++;
      }
      return n;
    },
  };
}

/** The bot's state storage and the subject index over the store, registered as personal-data sources. */
export function openBotState(
  store: DocumentStore,
  privacy: PrivacyRegistry,
  conversationDays: number,
): { storage: BotStorage; subjects: SubjectIndex } {
  const subjects = new SubjectIndex(store.collection<SubjectRecord>('subjects'));
  const storage = new BotStorage(store.collection<StoredItem>('botstate'));
  privacy.register(botStatePrivacySource(storage, subjects, conversationDays));
  privacy.register(savedContactPrivacySource(storage, subjects));
  return { storage, subjects };
}
