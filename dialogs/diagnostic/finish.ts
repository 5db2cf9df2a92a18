// The end of the diagnostic (score, progress since the last one, card, chart, PDF link; the advisor offer and
// the follow-up question follow, in follow-up.ts) and the knowledge answer
// given when a question is asked in the middle of it.
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Answers, DiagnosticModel, DiagnosticResult, FindAids, Questionnaire } from '../../src/diagnostic/index.js';
import { buildResult } from '../../src/diagnostic/index.js';
import { baselineOf } from '../../src/diagnostic/progress.js';
import type { DiagnosticRecords } from '../../src/diagnostic/records.js';
import { buildResultCard, buildResultText } from '../../src/diagnostic/report/index.js';
import type { KnowledgeBase } from '../../src/knowledge/search/knowledge-base.js';
import type { Nlu } from '../../src/nlu/index.js';
import { classify, sendAnswer } from '../knowledge-reply.js';
import type { OriginCarrier } from '../../src/server/public-urls.js';

export interface DiagnosticServices {
  questionnaire: Questionnaire;
  model: DiagnosticModel;
  records: DiagnosticRecords<DiagnosticResult>;
  nlu: Nlu;
  findAids: FindAids;
  knowledge: KnowledgeBase;
  retentionDays: number;
  publicBaseUrl(activity?: OriginCarrier): string;
  /** A département the person already gave (e.g. when asking for an advisor), reused at the location question. */
  knownDepartement?(context: TurnContext): Promise<string | undefined>;
  /** What the person wrote before the diagnostic started (profile facts said up front are kept). */
  earlierTexts?(context: TurnContext): Promise<string[]>;
  /** Clock of the result's date (tests move it). */
  clock?: () => Date;
}

/** Channels that render Adaptive Cards; elsewhere the plain text version is sent. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test']);

export async function finishDiagnostic(
  context: TurnContext,
  s: DiagnosticServices,
  subject: string,
  answers: Answers,
  askedAboutAids: boolean,
): Promise<DiagnosticResult> {
  const built = buildResult(s.questionnaire, {}, answers, {
    model: s.model,
    findAids: s.findAids,
    askedAboutAids,
    ...(s.clock ? { now: s.clock() } : {}),
  });
  // The same person's previous diagnostic (T0): the card, the PDF and the advisor show the progress.
  const previous = await s.records.lastCompleted(subject);
  const t0 = previous?.resultId ? await s.records.result(previous.resultId) : undefined;
  const result: DiagnosticResult = t0 ? { ...built, baseline: baselineOf(t0) } : built;
  const id = await s.records.complete(subject, result);
  const base = s.publicBaseUrl(context.activity);
  const links = {
    chartUrl: `${base}/diagnostic/${id}/radar.png`,
    pdfUrl: `${base}/diagnostic/${id}/rapport.pdf`,
    guideUrl: (slug: string) => `${base}/guides/${slug}`,
  };
  const machine = {
    id,
    questionnaireVersion: result.questionnaireVersion,
    overall: result.overall,
    level: result.level?.id ?? null,
    axes: Object.fromEntries(result.axes.map((a) => [a.axis, a.score])),
    badge: result.badge.reached,
    priorities: result.plan.priorities.map((p) => p.id),
    redFlags: result.redFlags.map((f) => f.id),
  };
  const channelData = { virage: { diagnostic: machine } };
  await context.sendActivity('Merci ! Voici votre bilan.');
  if (CARD_CHANNELS.has(context.activity.channelId)) {
    await context.sendActivity({
      ...MessageFactory.attachment(CardFactory.adaptiveCard(buildResultCard(result, links))),
      channelData,
    });
  } else {
    await context.sendActivity({ ...MessageFactory.text(buildResultText(result, links)), channelData });
  }
  return result;
}

/** Answers a knowledge question asked mid-diagnostic; returns true when it was about public aid. */
export async function answerMidDiagnostic(context: TurnContext, s: DiagnosticServices, text: string): Promise<boolean> {
  const search = s.knowledge.search(text, { top: 3 });
  const outcome = classify(search);
  const best = search.results[0];
  if (outcome.kind !== 'none' && best) {
    await sendAnswer(context, s.knowledge, best, s.publicBaseUrl(context.activity));
    return s.knowledge.guide(best.guideId)?.aid === true; // guides about public aid say `aid: true` in their front matter
  }
  await context.sendActivity(
    'Je n’ai pas de réponse fiable à cette question dans nos guides. Vous pourrez la poser à un conseiller à la fin du diagnostic.',
  );
  return /\baides?\b|subvention|financ/i.test(text);
}
