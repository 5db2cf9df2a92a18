// The plan follows the answers: two runs through /api/messages that differ only by département, by
// budget or by staff give different priorities or aid schemes, in the card's machine data
// (channelData.virage.diagnostic) and in the stored result.
import { startVirage, type Running } from '../../helpers/virage.js';
import { Chat, resultOf, stored, type Say } from './steps.js';
import { completeDiagnostic } from './typical.js';

interface Outcome {
  diagnostic: any;
  result: any;
}

/** Enough time for a bolder try, so that budget and size decide which one. */
const TIME = { profil_temps: "Une personne peut s'en occuper plusieurs jours par mois" };
const TRIED_AI = { ...TIME, profil_budget: 'Plus de 10 000 €', ia_usage: "J'ai essayé" };

describe('the plan changes with the answers', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startVirage();
  });
  afterAll(() => app.stop());

  async function runWith(overrides: Record<string, Say>): Promise<Outcome> {
    const chat = new Chat(app.url);
    await chat.say('bonjour');
    const { diagnostic } = resultOf(await completeDiagnostic(chat, overrides));
    const result = (await stored(app.virage, chat.subject)).results.find((r: any) => r.id === diagnostic.id).result;
    expect(result.plan.priorities.map((p: any) => p.id)).toEqual(diagnostic.priorities);
    return { diagnostic, result };
  }
  const aids = (o: Outcome): string[] => o.result.plan.priorities.flatMap((p: any) => p.aids.map((a: any) => a.id));
  const regional = (o: Outcome): string[] =>
    o.result.plan.priorities.flatMap((p: any) => p.aids.filter((a: any) => a.regional).map((a: any) => a.id));

  it('by département: Gironde (33) and Paris (75) get their own region’s schemes', async () => {
    const gironde = await runWith({ profil_localisation: '33' });
    const paris = await runWith({ profil_localisation: 'Paris' });
    expect(gironde.result.profile).toMatchObject({ departement: '33', region: '75' });
    expect(paris.result.profile).toMatchObject({ departement: '75', region: '11' });
    // Same answers otherwise: same priorities, but the Île-de-France scheme for shops and crafts in Paris only.
    expect(paris.diagnostic.priorities).toEqual(gironde.diagnostic.priorities);
    expect(regional(paris)).toContain('idf-cheque-numerique-commerce-connecte');
    expect(aids(gironde)).not.toContain('idf-cheque-numerique-commerce-connecte');
    expect(regional(gironde).every((id) => !id.startsWith('idf-'))).toBe(true);
    expect(aids(paris)).not.toEqual(aids(gironde));
  });

  it('by budget: no budget keeps the free try; 10 000 € allows testing online sales', async () => {
    const none = await runWith({ ...TIME, profil_budget: 'Aucun budget' });
    const ample = await runWith({ ...TIME, profil_budget: '10 000 €' });
    expect(none.result.plan.budgetPerYear).toBe(0);
    expect(ample.result.plan.budgetPerYear).toBe(10000);
    expect(none.diagnostic.priorities).not.toEqual(ample.diagnostic.priorities);
    expect(none.diagnostic.priorities).toContain('ia-premiers-usages');
    expect(none.diagnostic.priorities).not.toContain('boutique-en-ligne');
    expect(ample.diagnostic.priorities).toContain('boutique-en-ligne');
    // Whatever the budget, nothing but obligations costs more than what was stated.
    const minCost = (o: Outcome) =>
      o.result.plan.priorities.filter((p: any) => !p.mandatory).reduce((s: number, p: any) => s + p.cost.min, 0);
    expect(minCost(none)).toBe(0);
    expect(minCost(ample)).toBeLessThanOrEqual(10000);
  });

  it('by staff: alone or 25 people, the bolder try and the AI schemes differ', async () => {
    const alone = await runWith({ ...TRIED_AI, profil_effectif: 'Seul(e), sans salarié' });
    const team = await runWith({ ...TRIED_AI, profil_effectif: 'on est 25' });
    expect(alone.result.profile.sizeBand).toBe('0');
    expect(team.result.profile.sizeBand).toBe('10-49');
    expect(team.diagnostic.priorities).toContain('diagnostic-ia'); // an accompanied AI diagnostic, from 10 people
    expect(alone.diagnostic.priorities).not.toContain('diagnostic-ia');
    expect(alone.diagnostic.priorities).not.toEqual(team.diagnostic.priorities);
    expect(aids(team)).toContain('osez-ia-diag-data-ia');
    expect(aids(alone)).not.toEqual(aids(team));
  });
});
