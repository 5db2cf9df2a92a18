// Negation scope of a message's words (« ne … pas », « pas de … », « sans … »), clause by clause: what the
// option matcher (matcher.ts) and the readings that count or echo words need to know of each word.
import { fold, stem, tokens } from '../analyze.js';

export interface Tok {
  w: string;
  s: string;
  /** Inside the scope of a negation (« pas de … », « ni … », « sans … »). */
  neg: boolean;
  /** Index of the clause (cut at punctuation) the word is in. */
  c?: number;
}

// Negations, and verbs that say something was dropped (« on a arrêté le site »).
export const NEGATORS = new Set([
  'pas',
  'ni',
  'sans',
  'aucun',
  'aucune',
  'jamais',
  'plus',
  'rien',
  'nul',
  'nulle',
  // « zéro particulier »: none.
  'zero',
  'arrete',
  'abandonne',
  'ferme',
  'supprime',
  'stoppe',
]);
/** Subjects that deny what follows them with « ne » (« personne n'est désigné »), unless a word before makes them a noun. */
const NEGATIVE_SUBJECTS = new Set(['personne', 'rien']);
/** Words that make « personne » a noun (« une personne ne suffit pas », « la seule personne n'est pas … »). */
const NOUN_BEFORE = new Set(['une', 'la', 'cette', 'chaque', 'autre', 'ma', 'sa', 'notre', 'votre', 'leur', 'quelle', 'seule', 'de']);
export const BOUNDARIES = new Set([
  'mais',
  'sauf',
  'seulement',
  'juste',
  'uniquement',
  'que',
  'qu',
  'sinon',
  'cependant',
  'pourtant',
  'plutot',
  'non',
  'si',
  'ou',
  'alors',
  'donc',
  'car',
  'puisque',
  'parce',
  'contre',
  'revanche',
  'quand',
  'meme',
  'tandis',
]);

/** Tokens of a message with their negation scope. */
export function scopedTokens(text: string): Tok[] {
  const out: Tok[] = [];
  let clauseNo = 0;
  let before = -1;
  for (const clause of fold(text).split(/[,;:!?()\n]+|\.(?!\w)/)) {
    const ws = tokens(clause);
    const start = out.length;
    // « un test de restauration, non, jamais »: a clause of bare denial denies the clause before it.
    const bare = ws.length > 0 && ws.every((w) => BARE_DENIAL.has(w));
    if (bare && before >= 0 && ws.some((w) => w !== 'du' && w !== 'tout')) {
      for (let k = start - 1; k >= before && !BOUNDARIES.has(out[k].w) && !NEGATORS.has(out[k].w); k--) out[k].neg = true;
    }
    if (ws.length && !bare) before = start;
    let neg = false;
    let sawNe = false;
    let neAt = -1;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      if (w === 'ne' || w === 'n') {
        sawNe = true;
        neAt = out.length;
        // « personne n'est désigné », « rien n'est fait »: a negative subject denies what follows.
        if (NEGATIVE_SUBJECTS.has(ws[i - 1] ?? '') && !NOUN_BEFORE.has(ws[i - 2] ?? '')) neg = true;
      }
      // « personne de désigné », « rien de prévu »: nobody, nothing of the kind.
      if ((w === 'de' || w === 'd') && i === 1 && NEGATIVE_SUBJECTS.has(ws[0])) neg = true;
      // « le même mot de passe » is an adjective inside the denied words; « même si », « quand même » cut them.
      const adjective = w === 'meme' && ['le', 'la', 'les', 'un', 'une', 'du', 'des'].includes(ws[i - 1] ?? '');
      if (
        (BOUNDARIES.has(w) && !adjective) ||
        (w === 'et' && ws[i + 1] !== 'de' && ws[i + 1] !== 'd' && ws[i + 1] !== 'ni' && ws[i + 1] !== 'pas')
      ) {
        neg = false;
        sawNe = false;
        out.push({ w, s: stem(w), neg: false });
        continue;
      }
      if (NEGATORS.has(w) && (w !== 'plus' || sawNe) && (w !== 'rien' || sawNe || i === 0)) {
        // « ça ne m'intéresse pas »: the verb between « ne » and « pas » is denied too.
        if (neAt >= 0) for (let k = neAt + 1; k < out.length; k++) out[k].neg = true;
        neAt = -1;
        neg = true;
        out.push({ w, s: w, neg: false });
        continue;
      }
      out.push({ w, s: stem(w), neg });
    }
    for (let k = start; k < out.length; k++) out[k].c = clauseNo;
    clauseNo++;
    denyDislocated(out, start, ws);
    // « l'envoi pas encore », « les téléphones non »: a clause ending in a bare denial denies the words before it.
    const tail = ELLIPTIC_DENIAL.exec(ws.join(' '));
    if (tail && !ws.includes('ne') && !ws.includes('n')) {
      // Back to the last boundary (« ça m'intéresse mais pas encore » denies nothing before « mais »).
      for (let k = start + ws.length - tail[0].trim().split(' ').length - 1; k >= start; k--) {
        if (BOUNDARIES.has(out[k].w) || NEGATORS.has(out[k].w)) break;
        out[k].neg = true;
      }
    }
  }
  return out;
}

const BARE_DENIAL = new Set(['non', 'jamais', 'pas', 'du', 'tout', 'nan', 'nope']);
const ELLIPTIC_DENIAL = /(?:^|\s)(?:(?:toujours )?pas(?: encore| du tout| vraiment| pour l'instant| pour le moment| l instant)?|non)$/;

const SUBJECTS = new Set(['on', 'je', 'j', 'nous', 'il', 'elle', 'ils', 'elles']);
const RESUMPTIVE = new Set(['l', 'le', 'la', 'les', 'en']);
const AUXILIARIES = new Set(['ai', 'a', 'avons', 'avez', 'ont']);
const DETERMINERS = new Set([
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'de',
  'd',
  'du',
  'des',
  'mon',
  'ma',
  'mes',
  'notre',
  'nos',
  'ce',
  'cette',
  'ces',
]);
/** Words that may follow the participle at the end of such a clause. */
const TRAILING = new Set(['encore', 'vraiment', 'ca', 'non', 'plus', 'du', 'tout', 'fait']);

/**
 * « le registre, on l'a jamais fait », « les mises à jour je les fais pas »: a thing named first, then taken up
 * by a pronoun in a denied clause, is denied too. Looks for subject + pronoun + negation in the clause just read
 * (from `start` in `out`); the thing is the words before the subject, or else a short previous clause with no
 * subject of its own.
 */
function denyDislocated(out: Tok[], start: number, ws: string[]): void {
  for (let i = 0; i + 1 < ws.length; i++) {
    if (!SUBJECTS.has(ws[i])) continue;
    let j = i + 1;
    if (ws[j] === 'ne' || ws[j] === 'n') j++;
    // « le registre, j'ai jamais fait »: the pronoun left out after « ai », « a », « avons » + negation + a participle
    // that ends the clause (« on a pas le temps » has an object of its own).
    const dropped =
      AUXILIARIES.has(ws[j] ?? '') &&
      ['pas', 'jamais', 'rien'].includes(ws[j + 1] ?? '') &&
      ws.length - (j + 2) >= 1 &&
      ws.slice(j + 3).every((w) => TRAILING.has(w)) &&
      !DETERMINERS.has(ws[j + 2]);
    if (!RESUMPTIVE.has(ws[j] ?? '') && !dropped) continue;
    const rest = ws.slice(j + 1, j + 5);
    const cut = rest.findIndex((w) => BOUNDARIES.has(w));
    if (!(cut < 0 ? rest : rest.slice(0, cut)).some((w) => w === 'pas' || w === 'jamais' || w === 'rien' || w === 'plus')) continue;
    let from = start + i - 1;
    if (i === 0) {
      const previous = out.slice(0, start).filter((t) => t.c === (out[start]?.c ?? 0) - 1);
      if (!previous.length || previous.length > 5 || previous.some((t) => SUBJECTS.has(t.w) || BOUNDARIES.has(t.w))) return;
      from = start - 1;
    }
    for (let k = from; k >= 0 && k >= from - 5; k--) {
      // Only the thing named: within this clause, or within the short previous clause (« un groupe Signal. La visio, on
      // n'en fait pas » denies the visio only).
      // « les appels qu'on reçoit, on les compte pas »: a relative clause belongs to the thing named.
      const relative = (out[k].w === 'qu' || out[k].w === 'que') && k > 0 && !BOUNDARIES.has(out[k - 1].w);
      if ((BOUNDARIES.has(out[k].w) && !relative) || NEGATORS.has(out[k].w) || (k < start && i > 0) || out[k].c !== out[from].c) break;
      out[k].neg = true;
    }
    return;
  }
}
