// Shared fixtures of the handoff tests: the example directory with test passwords, a movable clock.
import { hashPassword } from '../../src/handoff/passwords.js';
import { EXAMPLE_DIRECTORY, loadDirectory, upsertAdvisor } from '../../src/handoff/directory.js';
import type { AdvisorsDirectory } from '../../src/handoff/types.js';
import type { AdvisorIdentity, NewRequest } from '../../src/handoff/service.js';
import type { AdvisorAvailability } from '../../src/handoff/presence.js';

/**
 * For the tests of the queue, the relay and the console API, which are not about presence: one advisor
 * always « disponible ». Presence-aware routing is tested with real consoles in presence.test.ts.
 */
export const oneAdvisorAvailable: AdvisorAvailability = { available: async () => 1, availableNow: () => 1 };

export const PASSWORD = 'mot-de-passe-de-test-42';

/** The example directory; with passwords for claire.martin and thomas.petit (Gironde) and karim.benali (Rhône). */
export async function testDirectory(withPasswords = false): Promise<AdvisorsDirectory> {
  let dir = loadDirectory(EXAMPLE_DIRECTORY);
  if (withPasswords) {
    const hash = await hashPassword(PASSWORD);
    dir = upsertAdvisor(dir, 'cci-exemple-gironde', {
      login: 'claire.martin',
      displayName: 'Claire Martin',
      firstName: 'Claire',
      title: 'conseillère numérique',
      passwordHash: hash,
    });
    dir = upsertAdvisor(dir, 'cci-exemple-gironde', {
      login: 'thomas.petit',
      displayName: 'Thomas Petit',
      firstName: 'Thomas',
      passwordHash: hash,
    });
    dir = upsertAdvisor(dir, 'cci-exemple-rhone', {
      login: 'karim.benali',
      displayName: 'Karim Benali',
      firstName: 'Karim',
      passwordHash: hash,
    });
  }
  return dir;
}

export const claire: AdvisorIdentity = {
  login: 'claire.martin',
  displayName: 'Claire Martin',
  firstName: 'Claire',
  cciId: 'cci-exemple-gironde',
};
export const karim: AdvisorIdentity = {
  login: 'karim.benali',
  displayName: 'Karim Benali',
  firstName: 'Karim',
  cciId: 'cci-exemple-rhone',
};

export function movableClock(startIso: string): { now: () => Date; set(iso: string): void; advance(ms: number): void } {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), set: (iso) => void (t = Date.parse(iso)), advance: (ms) => void (t += ms) };
}

/** Monday 24 November 2025, 10:00 in Paris (winter time, UTC+1). */
export const MONDAY_10H_WINTER = '2025-11-24T09:00:00.000Z';

export function request(subject: string, overrides: Partial<NewRequest> = {}): NewRequest {
  return {
    subject,
    channelId: 'webchat',
    conversation: { conversation: { id: `conv-${subject}` }, user: { id: subject } },
    departement: '33',
    contact: { name: 'Marie Dupont', company: 'Boulangerie Dupont', email: 'marie@boulangerie-dupont.fr', phone: '06 12 34 56 78' },
    reason: 'Je voudrais créer un site pour vendre en ligne',
    consentAt: new Date(MONDAY_10H_WINTER),
    context: {
      transcript: [
        { from: 'user', text: 'on a une page Facebook mais pas de site' },
        { from: 'bot', text: 'D’accord, je note.' },
      ],
      profile: { Secteur: 'Commerce de détail', Effectif: '3 salariés' },
      diagnostic: {
        scores: { Visibilité: 35, Vente: 10 },
        globalScore: 28,
        level: 'Débutant',
        priorities: ['Créer un site vitrine'],
        redFlags: ['Pas de sauvegarde'],
      },
    },
    mode: 'live',
    ...overrides,
  };
}
