// Turns a knowledge search into chat messages: a sourced short answer with « Lire le guide complet »
// and related follow-ups, a « Vouliez-vous dire » clarification, or an honest « je ne sais pas ».
// Shared by the question dialog and the diagnostic (a question asked mid-diagnostic).
import { ActionTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { KbResult, KbSearchResult, KnowledgeBase } from '../src/knowledge/search/knowledge-base.js';

export const NONE_OF_THESE = 'Aucune de ces réponses';

export type KnowledgeOutcome =
  | { kind: 'answered'; query: string; guideId: string; sectionId: string; confidence: number }
  | { kind: 'clarify'; query: string; choices: Array<{ guideId: string; title: string }> }
  | { kind: 'none'; query: string; confidence: number };

export function classify(search: KbSearchResult): KnowledgeOutcome {
  if (search.clarify) {
    return { kind: 'clarify', query: search.query, choices: search.clarify.map((r) => ({ guideId: r.guideId, title: r.title })) };
  }
  const best = search.results[0];
  if (search.answered && best) {
    return { kind: 'answered', query: search.query, guideId: best.guideId, sectionId: best.sectionId, confidence: best.confidence };
  }
  return { kind: 'none', query: search.query, confidence: best?.confidence ?? 0 };
}

function frenchDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
}

/** Sends the best passage of one guide, with its source and follow-ups. */
export async function sendAnswer(context: TurnContext, kb: KnowledgeBase, hit: Pick<KbResult, 'guideId' | 'excerpt' | 'sectionTitle'>, baseUrl: string): Promise<void> {
  const guide = kb.guide(hit.guideId);
  if (!guide) return;
  const related = guide.related
    .map((id) => kb.guide(id))
    .filter((g): g is NonNullable<typeof g> => Boolean(g))
    .slice(0, 3);
  const text =
    `**${guide.title}**\n\n${hit.excerpt}\n\n` +
    `_Source : guide « ${guide.title} », partie « ${hit.sectionTitle} », mis à jour le ${frenchDate(guide.updated)}._`;
  const card = CardFactory.heroCard('', related.length ? 'Pour aller plus loin :' : '', undefined, [
    { type: ActionTypes.OpenUrl, title: 'Lire le guide complet', value: `${baseUrl}/guides/${guide.id}` },
    ...related.map((g) => ({ type: ActionTypes.ImBack, title: g.title, value: g.title })),
  ]);
  await context.sendActivity({ ...MessageFactory.text(text), attachments: [card] });
}

/** Searches and answers; returns what happened so the caller can count misses and offer an advisor. */
export async function answerFromKnowledge(context: TurnContext, kb: KnowledgeBase, query: string, baseUrl: string): Promise<KnowledgeOutcome> {
  const search = kb.search(query, { top: 3 });
  const outcome = classify(search);
  if (outcome.kind === 'answered') {
    await sendAnswer(context, kb, search.results[0], baseUrl);
  } else if (outcome.kind === 'clarify') {
    await context.sendActivity(
      MessageFactory.suggestedActions([...outcome.choices.map((c) => c.title), NONE_OF_THESE], 'Vouliez-vous dire :'),
    );
  }
  return outcome;
}

/** The passage to show when the person picks one of the clarification choices. */
export function pickClarified(kb: KnowledgeBase, query: string, guideId: string): KbResult | undefined {
  const hit = kb.search(query, { top: 10 }).results.find((r) => r.guideId === guideId);
  if (hit) return hit;
  const guide = kb.guide(guideId);
  const section = guide?.sections[0];
  return guide && section
    ? { guideId, title: guide.title, sectionId: section.id, sectionTitle: section.title, excerpt: guide.summary, score: 0, confidence: 0, url: `/guides/${guideId}`, signals: { coverage: 0, topical: 0, strength: 0, lead: 0 } }
    : undefined;
}
