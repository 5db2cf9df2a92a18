// Normalisation of a dirigeant's chat message before analysis: lower case, plain apostrophes and
// hyphens, stretched letters (« ouiiii »), chat forms and common typos (« ouais », « jsp », « bcp »),
// and emojis that answer (👍 ✅ 👎 ❌). The original text is kept for display.
import { fold } from './analyze.js';

export interface Normalized {
  /** The text as typed (trimmed, capped), for display. */
  original: string;
  /** Lower case, chat forms expanded, accents kept. */
  text: string;
  /** `text` with accents folded: what matchers and extractors read. */
  folded: string;
}

/** Longest message analysed; longer input is cut (a chat answer is never this long). */
export const MAX_INPUT_CHARS = 1000;

const EMOJIS: [RegExp, string][] = [
  [/(?:👍|✅|✔️?|☑️?|👌|🆗)/gu, ' oui '],
  [/(?:👎|❌|✖️?|🚫|⛔)/gu, ' non '],
  [/🤷(?:‍[♂♀]️?)?/gu, ' je ne sais pas '],
  [/🙏/gu, ' merci '],
  [/👋/gu, ' bonjour '],
  [/(?:😡|😠|🤬|😤)/gu, ' c est nul '],
  // Any other pictograph carries no answer: dropped.
  [/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu, ' '],
];

const SHRUG = /🤷(?:\u200d[♂♀]\ufe0f?)?/gu;

// Chat forms and frequent typos, matched on whole folded words (left side) → replacement.
const CHAT_FORMS: Record<string, string> = {
  ouais: 'oui',
  ouai: 'oui',
  ouaip: 'oui',
  ouep: 'oui',
  oue: 'oui',
  we: 'oui',
  wai: 'oui',
  wais: 'oui',
  ui: 'oui',
  yes: 'oui',
  yep: 'oui',
  ok: "d'accord",
  oki: "d'accord",
  okay: "d'accord",
  dac: "d'accord",
  dacc: "d'accord",
  "d'acc": "d'accord",
  daccord: "d'accord",
  nan: 'non',
  nn: 'non',
  nope: 'non',
  no: 'non',
  bcp: 'beaucoup',
  bcq: 'beaucoup',
  pcq: 'parce que',
  pck: 'parce que',
  pq: 'pourquoi',
  prq: 'pourquoi',
  pourkoi: 'pourquoi',
  pkoi: 'pourquoi',
  pk: 'pourquoi',
  stp: "s'il te plaît",
  svp: "s'il vous plaît",
  jsp: 'je ne sais pas',
  chaipas: 'je ne sais pas',
  chepa: 'je ne sais pas',
  chaispas: 'je ne sais pas',
  jsais: 'je sais',
  chui: 'je suis',
  chuis: 'je suis',
  jsuis: 'je suis',
  tkt: "t'inquiète",
  mrc: 'merci',
  mci: 'merci',
  mercii: 'merci',
  slt: 'salut',
  bjr: 'bonjour',
  bsr: 'bonsoir',
  cc: 'coucou',
  pr: 'pour',
  ds: 'dans',
  qd: 'quand',
  tt: 'tout',
  tte: 'toute',
  tjr: 'toujours',
  tjrs: 'toujours',
  ptet: 'peut-être',
  ptetre: 'peut-être',
  qqch: 'quelque chose',
  qq: 'quelques',
  qques: 'quelques',
  qqs: 'quelques',
  qqn: "quelqu'un",
  pb: 'problème',
  pbm: 'problème',
  rdv: 'rendez-vous',
  ya: 'il y a',
  koi: 'quoi',
  kwa: 'quoi',
  ke: 'que',
  ki: 'qui',
  mm: 'même',
  jve: 'je veux',
  jveux: 'je veux',
  jvoudrais: 'je voudrais',
  auj: "aujourd'hui",
  bjour: 'bonjour',
  bonjoir: 'bonjour',
  bonjours: 'bonjour',
  mrci: 'merci',
  merc: 'merci',
  mesi: 'merci',
  aurevoir: 'au revoir',
  orevoir: 'au revoir',
  conseiler: 'conseiller',
  vraimen: 'vraiment',
  vrement: 'vraiment',
  pa: 'pas',
  jamai: 'jamais',
  absolumen: 'absolument',
  biensur: 'bien sûr',
  bs: 'bien sûr',
  evidement: 'évidemment',
  g: "j'ai",
  jai: "j'ai",
  jen: "j'en",
  jpense: 'je pense',
  jcrois: 'je crois',
  cb: 'combien',
  cmb: 'combien',
  cmt: 'comment',
  cmnt: 'comment',
  kel: 'quel',
  kelle: 'quelle',
  infos: 'informations',
  info: 'information',
  trkl: 'tranquille',
  mdr: '',
  lol: '',
  ptdr: '',
  // SMS shorthand a dirigeant types in a hurry (issue 10): each expands to the words the lexicons hold.
  mdp: 'mot de passe',
  mdps: 'mots de passe',
  quasi: 'presque',
  quasiment: 'presque',
  asso: 'association',
  assos: 'associations',
  svt: 'souvent',
  jms: 'jamais',
  tjs: 'toujours',
  mtn: 'maintenant',
  avc: 'avec',
  pdt: 'pendant',
  vrmt: 'vraiment',
  vrm: 'vraiment',
  tps: 'temps',
  sem: 'semaine',
  qqfois: 'quelquefois',
  rs: 'réseaux sociaux',
  indep: 'indépendant',
  ordi: 'ordinateur',
  ordis: 'ordinateurs',
  indeps: 'indépendants',
  msg: 'message',
  jame: 'jamais',
  presta: 'prestataire',
  avan: 'avant',
  depui: 'depuis',
  prestas: 'prestataires',
  aprem: 'après-midi',
  aprems: 'après-midis',
};
// Multi-word chat forms, matched on the folded text.
const CHAT_PHRASES: [RegExp, string][] = [
  [/\b(?:chai|che|chais|j|je sai|je c|je sait|j'sais|jsai|je sais pa|j'sai) pas\b/g, 'je ne sais pas'],
  [/(?<!\b(?:je|ne|j') )\b(?:sais|sait) pas\b/g, 'je ne sais pas'],
  // « y a pas de site », not « on y a pensé ».
  [/(?<!(?:\b(?:on|il|elle|ils|elles|je|tu|nous|vous|ca|cela|en) |'))\by (en )?a\b/g, 'il y $1a'],
  [/\bil il y a\b/g, 'il y a'],
  [/\bt'as\b/g, 'tu as'],
  [/\bc ?koi\b|\bc ?quoi\b/g, "c'est quoi"],
  [/\bc (?=\w)/g, "c'est "],
  [/\bpeut etre\b/g, 'peut-être'],
  // « moi même », « nous memes »: the hyphen typed or not, one word.
  [/\b(moi|toi|lui|elle|nous|vous|eux|elles) meme(s?)\b/g, '$1-même$2'],
  // « sur une appli », « par internet », « via l'application »: one way to say « en ligne ».
  [
    /\b(?:sur|par|via|avec|depuis) (?:une |l'|leur |notre |mon |son |la |le )?(?:appli|applis|application|internet|le web|web|le net|smartphone|mobile|extranet|espace client)\b/g,
    'en ligne',
  ],
  [/\bs'il vous plait\b|\bs'il te plait\b/g, ''],
  // « mon tel », « de tel »: the phone (« tel que » is left alone).
  [/\b(de|mon|ma|le|un|son|par|au|du|les|mes|nos|des|notre|leur|ton) (tel|tels|tph)\b/g, '$1 téléphone'],
];

// Spoken French drops the « ne » of a negation (« j'ai pas de site », « on fait pas ça », « il y a pas »).
// It is put back, so that every reading sees one negation form: « ne » then the verb then « pas ».
// A pronoun subject, up to two object pronouns, one verb, then the second half of the negation
// (« plus » is left alone: « on a plus de clients » means more). Compiled once.
const SUBJECT = "(je |j'|tu |il |elle |on |nous |vous |ils |elles |ça |ca |cela |c'|ce )";
const CLITICS = "((?:(?:me |m'|te |t'|se |s'|le |la |l'|les |lui |leur |nous |vous |en |y )){0,2})";
const DROPPED_NE = new RegExp(
  `(^|[^\\p{L}'])${SUBJECT}${CLITICS}(?!ne |n')(\\p{L}+) (?=(?:(?:presque |quasiment )?plus (?:rien|jamais|aucun|aucune|personne)|pas(?! mal\\b)|jamais|rien|personne|aucun|aucune|nulle part)\\b)`,
  'gu',
);
// « le site est pas à jour »: a noun subject before « être ».
const DROPPED_NE_ETRE =
  /(^|[^\p{L}'])(?<!\b(?:ne|n'|je|j'|tu|il|elle|on|ça|ca|ce|c') )(est|sont|était|etait) (?=(?:pas(?! mal\b)|jamais)\b)/gu;
const VOWEL = /^[aeiouyhàâäéèêëîïôöûü]/;

/** « j'ai pas » → « je n'ai pas », « on en a pas » → « on n'en a pas », « c'est pas » → « ce n'est pas ». */
export function restoreNe(text: string): string {
  return text
    .replace(DROPPED_NE, (_all, before: string, subject: string, clitics: string, verb: string) => {
      const s = subject === "j'" ? 'je ' : subject === "c'" ? 'ce ' : subject;
      const next = clitics || verb;
      return `${before}${s}${VOWEL.test(next) ? "n'" : 'ne '}${clitics}${verb} `;
    })
    .replace(DROPPED_NE_ETRE, (_all, before: string, verb: string) => `${before}n'${verb} `);
}

/** Collapse letters repeated three times or more (« ouiiii » → « oui »); digits are left alone. */
export function squeezeRepeats(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** Normalise a chat message. Never throws; any string (even empty) gives a result. */
export function normalize(input: string): Normalized {
  const original = String(input ?? '')
    .slice(0, MAX_INPUT_CHARS)
    .trim();
  let t = original.toLowerCase().normalize('NFC');
  // A shrug beside words is a tone (« non 🤷 »); alone, it says « je ne sais pas ».
  if (/\p{L}/u.test(t)) t = t.replace(SHRUG, ' ');
  for (const [re, by] of EMOJIS) t = t.replace(re, by);
  t = t
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[\u00a0\u202f\u2009]/g, ' ');
  t = squeezeRepeats(t);
  // Expand chat forms word by word (on folded words, so « ouaiis » and « OUAIS » both match).
  t = t.replace(/[\p{L}']+/gu, (w) => {
    const f = fold(w);
    const by = CHAT_FORMS[f];
    if (by !== undefined) return by;
    // « l'ordi », « d'infos »: the word after an elided article.
    const m = /^([a-z]{1,2}')(.+)$/.exec(f);
    const rest = m ? CHAT_FORMS[m[2]] : undefined;
    return rest ? m![1] + rest : w;
  });
  let folded = fold(t);
  for (const [re, by] of CHAT_PHRASES) {
    if (re.test(folded)) {
      re.lastIndex = 0;
      t = fold(t).replace(re, by);
      folded = fold(t);
    }
    re.lastIndex = 0;
  }
  // Elisions typed without the apostrophe: « d accord », « j ai », « c est », « qu il ».
  t = t.replace(/(^|[^\p{L}'])([cdjlmnst]|qu) (?=[aeiouyhàâäéèêëîïôöûü])/gu, "$1$2'");
  t = restoreNe(t.replace(/\s+/g, ' ').trim());
  return { original, text: t, folded: fold(t) };
}
