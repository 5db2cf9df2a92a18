// Parts of an answer that say nothing of what the firm does now, set aside before reading it: an option the
// person says was given up (« avant on avait Slack mais on a arrêté »), and the dirigeant's own « not me »
// beside someone else who does it (« mon associé gère Facebook, moi je n'y connais rien »). Pure.
import { fold, type AnswerCues, type Nlu } from '../nlu/index.js';
import { echoedYesNo } from './counting.js';
import { questionContext } from './understand.js';
import type { Question } from './types.js';

const clausesOf = (text: string) => text.split(/[,;:.!?…\n]+/).filter((c) => /\w/.test(c));

/**
 * The options named, without those named only in a clause that says they were given up (`stopped`, the
 * default) or, with `minorShare`, that they are rare. All of them when every option named is set aside.
 */
export function withoutGivenUp(question: Question, values: string[], text: string, nlu: Nlu, setAside?: RegExp): string[] {
  // Given up (the default) also reaches back over the clauses before it in the same sentence.
  const givenUp = setAside === undefined;
  const aside = setAside ?? nlu.phrases.answerCues.stopped;
  if (!aside.test(fold(text))) return values;
  const named = (c: string) => {
    const m = nlu.extract(c, { ...questionContext(question), type: 'multi' });
    return m.ok && m.value.type === 'multi' ? m.value.value.ids : [];
  };
  const live = new Set<string>();
  const dropped = new Set<string>();
  for (const sentence of text.split(/[.;!?…\n]+/)) {
    const parts = clausesOf(sentence).map((c) => fold(c));
    parts.forEach((c, i) => {
      // « on avait essayé Slack, personne ne s'en servait, on a laissé tomber »: what was had or tried, then
      // given up later in the same sentence (`dropped`), is dropped too.
      const later = givenUp && parts.slice(i + 1).some((d) => aside.test(d) && nlu.words.yesNo.dropped.test(`${c} ${d}`));
      for (const id of named(c)) (aside.test(c) || later ? dropped : live).add(id);
    });
  }
  const kept = values.filter((v) => live.has(v) || !dropped.has(v));
  return kept.length ? kept : values;
}

/**
 * « ma fille poste pour nous sur Insta et TikTok, moi je n'y touche pas »: the clauses of the text without the
 * dirigeant's own no (`meNot`) when someone else's clause is there to read; the text itself otherwise.
 */
export function withoutOwnNo(text: string, cues: AnswerCues): string {
  const clauses = clausesOf(text);
  const others = clauses.filter((c) => !cues.meNot.test(fold(c)));
  return others.length && others.length < clauses.length ? others.join(', ') : text;
}

/**
 * « des tickets, des milliers, mais des vraies factures une cinquantaine » to « combien de factures… ? »: two
 * figures set against each other by « mais »; the side that takes up the question's own words holds the answer.
 * The text itself otherwise.
 */
export function figureAboutAsked(question: Question, text: string, nlu: Nlu): string {
  const sides = text.split(/\bmais\b/);
  if (sides.length !== 2 || !sides.every((c) => nlu.extract(c, { type: 'number' }).ok)) return text;
  const asked = sides.filter((c) => echoedYesNo(question, c) !== undefined);
  return asked.length === 1 ? asked[0]! : text;
}

/** The parts of an enumeration said to be rare or marginal (`minorShare`: « les particuliers, c'est rare »). */
export function isMinor(part: string, cues: AnswerCues): boolean {
  return cues.minorShare.test(fold(part));
}

/**
 * « on réserve sur le site et on paie en ligne »: the site says where something else is done (`placeOnly`); an
 * option named only by that place is set aside when, wherever the site is named, another option says what is
 * done there (« on vend sur notre site » keeps it: selling there is the shop).
 */
export function withoutPlaceOnly(question: Question, values: string[], text: string, nlu: Nlu): string[] {
  const place = new RegExp(nlu.phrases.answerCues.placeOnly.source, 'g');
  const f = fold(text);
  if (!f.match(place)) return values;
  const named = (t: string) => {
    const m = nlu.extract(t.replace(place, ' '), { ...questionContext(question), type: 'multi' });
    return m.ok && m.value.type === 'multi' ? m.value.value.ids.filter((id) => values.includes(id)) : [];
  };
  const sites = f.split(/[,;.!?]+| et | puis /).filter((c) => c.match(place));
  if (!sites.every((c) => named(c).length > 0)) return values;
  const rest = named(f);
  return rest.length ? rest : values;
}
