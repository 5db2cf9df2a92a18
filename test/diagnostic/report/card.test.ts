import { buildResultCard, buildResultText, HANDOFF_TEXT, textBar } from '../../../src/diagnostic/report/card.js';
import { ALLOWED_CARD_TYPES, cardTypes, checkCard } from '../../../src/diagnostic/report/card-schema.js';
import { DISCLAIMER } from '../../../src/diagnostic/report/view.js';
import { FIXTURES, fixtureResult, links } from './helpers.js';

type Node = Record<string, any>;
/** Every object of the card with the given type. */
function ofType(node: unknown, type: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => ofType(n, type, out));
  else if (node && typeof node === 'object') {
    if ((node as Node).type === type) out.push(node as Node);
    Object.values(node).forEach((v) => ofType(v, type, out));
  }
  return out;
}
const texts = (card: unknown) => ofType(card, 'TextBlock').map((t) => t.text as string);

describe('buildResultCard', () => {
  it.each(FIXTURES)('%s: a valid Adaptive Card 1.5 with only element types that Teams and Web Chat render', (name) => {
    const card = buildResultCard(fixtureResult(name), links);
    expect(card.version).toBe('1.5');
    expect(checkCard(card)).toEqual([]);
    for (const type of cardTypes(card)) expect(Object.keys(ALLOWED_CARD_TYPES)).toContain(type);
    expect(cardTypes(card).has('Action.Execute')).toBe(false);
    // Teams refuses messages over ~28 KB
    expect(JSON.stringify(card).length).toBeLessThan(20000);
  });

  const result = fixtureResult('artisan-sans-site');
  const card = buildResultCard(result, links);

  it('shows the level, the overall score and the badge line', () => {
    expect(texts(card)).toContain('Niveau « Premiers pas » · 9/100');
    expect(texts(card).some((t) => t.includes('Socle numérique pas encore atteint : 1 usage de base sur 8'))).toBe(true);
  });

  it('shows the chart by URL with its text alternative, and one bar per axis', () => {
    const [image] = ofType(card, 'Image');
    expect(image.url).toBe(links.chartUrl);
    expect(image.altText).toMatch(/^Graphique radar .*Stratégie .*IA .*Score global : 9 sur 100/);
    const [facts] = ofType(card, 'FactSet');
    expect(facts.facts.map((f: Node) => f.title)).toEqual(['Stratégie', 'Présence', 'Vente', 'Gestion', 'Cyber', 'Compétences', 'IA']);
    const strategie = result.axes.find((a) => a.axis === 'strategie')!.score!;
    expect(facts.facts[0].value).toBe(`${textBar(strategie)} ${strategie}/100`);
  });

  it('lists the three priorities, each with why, effort, cost and « Lire le guide »', () => {
    const containers = ofType(card, 'Container').filter((c) => c.style === 'emphasis');
    expect(containers).toHaveLength(3);
    result.plan.priorities.forEach((p, i) => {
      const inner = texts(containers[i]);
      expect(inner[0]).toBe(`Priorité ${i + 1} : ${p.title}`);
      expect(inner).toContain(p.why);
      expect(inner.some((t) => t.startsWith('Effort : ') && t.includes(p.cost.label))).toBe(true);
      const [open] = ofType(containers[i], 'Action.OpenUrl');
      expect(open).toMatchObject({ title: 'Lire le guide', url: links.guideUrl(p.guides[0]) });
    });
  });

  it('offers the advisor (Web Chat value and Teams imBack) and the PDF download', () => {
    const [handoff] = ofType(card.actions, 'Action.Submit');
    expect(handoff.title).toBe(HANDOFF_TEXT);
    expect(handoff.data).toEqual({ action: 'handoff', reason: 'diagnostic', msteams: { type: 'imBack', value: 'Parler à un conseiller' } });
    const pdf = ofType(card.actions, 'Action.OpenUrl').find((a) => a.url === links.pdfUrl);
    expect(pdf?.title).toBe('Télécharger le rapport PDF');
  });

  it('shows the red flags when an advisor is suggested, and not otherwise', () => {
    for (const reason of result.advisorSuggested!.reasons) expect(texts(card)).toContain(`⚠️ ${reason}`);
    expect(texts(card)).toContain('Un conseiller vous est recommandé');
    const calm = buildResultCard(fixtureResult('boutique-facebook'), links);
    expect(texts(calm).some((t) => t.startsWith('⚠️') || t.includes('conseiller vous est recommandé'))).toBe(false);
    const urgent = fixtureResult('pme-ecommerce-sans-sauvegarde');
    urgent.advisorSuggested = { ...urgent.advisorSuggested!, urgent: true };
    expect(texts(buildResultCard(urgent, links))).toContain('Parlez-en à un conseiller dès maintenant');
  });

  it('ends with the disclaimer', () => {
    expect(texts(card).at(-1)).toBe(DISCLAIMER);
  });
});

describe('checkCard', () => {
  it('rejects a wrong version, types newer than 1.5 or not rendered by Web Chat, and empty texts', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'TextBlock', text: ' ' },
        { type: 'Container', items: [{ type: 'Carousel' }] },
      ],
      actions: [
        { type: 'Action.Execute', verb: 'x' },
        { type: 'Action.OpenUrl', url: 'javascript:alert(1)' },
      ],
    };
    expect(checkCard(bad).map((p) => p.path)).toEqual(['$.version', '$.body[0]', '$.body[1].items[0]', '$.actions[0]', '$.actions[1]']);
    expect(checkCard({ type: 'Message' })).toHaveLength(1);
  });
});

describe('buildResultText', () => {
  const result = fixtureResult('artisan-sans-site');
  const text = buildResultText(result, links);

  it('carries the level, the 7 axes, the 3 priorities with their guide URLs, the links and the disclaimer', () => {
    expect(text).toContain('Niveau **Premiers pas** : 9/100');
    for (const axis of ['Stratégie', 'Présence', 'Vente', 'Gestion', 'Cyber', 'Compétences', 'IA'])
      expect(text).toMatch(new RegExp(`^- ${axis} : `, 'm'));
    result.plan.priorities.forEach((p, i) => {
      expect(text).toContain(`${i + 1}. **${p.title}**`);
      for (const slug of p.guides) expect(text).toContain(links.guideUrl(slug));
    });
    expect(text).toContain(links.pdfUrl);
    expect(text).toContain('écrivez « Parler à un conseiller »');
    expect(text.trim().endsWith(DISCLAIMER)).toBe(true);
  });

  it('uses only bold and lists as markdown', () => {
    expect(text).not.toMatch(/^#/m);
    expect(text).not.toMatch(/\]\(|`|^>|<[a-z]/m);
    expect(text.replace(/\*\*[^*\n]+\*\*/g, '')).not.toContain('*');
  });
});
