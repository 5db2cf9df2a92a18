// The contact details kept for the next handoff request (in UserState, property HANDOFF_CONTACT) as a
// personal-data source of its own, so that « mes données » lists them plainly. Erasure and retention
// of the whole user state stay with the conversation source (state-privacy.ts).
import type { Storage } from 'botbuilder';
import type { PersonalDataSource } from '../privacy/registry.js';
import type { SubjectIndex } from '../privacy/subjects.js';

export const HANDOFF_CONTACT = 'handoffContact';

export function savedContactPrivacySource(storage: Storage, subjects: SubjectIndex): PersonalDataSource {
  const keyOf = async (subject: string) => {
    const rec = await subjects.get(subject);
    return rec ? `${rec.channelId}/users/${rec.userId}/` : undefined;
  };
  return {
    name: 'handoff-contact',
    description:
      'Vos coordonnées gardées pour vos prochaines demandes de mise en relation (nom, entreprise, e-mail, téléphone, département)',
    async export(subject) {
      const key = await keyOf(subject);
      if (!key) return null;
      const item = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
      return item?.[HANDOFF_CONTACT] ?? null;
    },
    async erase(subject) {
      const key = await keyOf(subject);
      if (!key) return 0;
      const item = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
      if (!item || item[HANDOFF_CONTACT] === undefined) return 0;
      const { [HANDOFF_CONTACT]: _gone, ...rest } = item;
      await storage.write({ [key]: { ...rest, eTag: '*' } });
      return 1;
    },
    async purge() {
      return 0;
    },
  };
}
