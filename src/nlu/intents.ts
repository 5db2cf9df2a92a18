// Intent recognition: exact short commands first (« pause », « retour »), then a few patterns for
// strong commands, then natural's naive Bayes classifier trained at start from
// knowledge/nlu/intents.fr.json with our French stemmer. Bayes scores are raw likelihoods: they are
// normalised into a share, and a message with no feature known to the model gives `none`.
import { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { analyze, frenchStemmer } from './analyze.js';
import type { Normalize } from './normalize.js';

export const INTENTS = [
  'salutation',
  'aide',
  'pourquoi',
  'menu',
  'annuler',
  'pause',
  'recommencer',
  'reprendre',
  'precedent',
  'passer',
  'demarrer_diagnostic',
  'question',
  'parler_conseiller',
  'etre_rappele',
  'mes_donnees',
  'supprimer_donnees',
  'merci',
  'au_revoir',
  'insatisfaction',
  'hors_sujet',
] as const;
export type IntentName = (typeof INTENTS)[number];

export interface IntentResult {
  name: IntentName | 'none';
  /** Calibrated confidence in [0, 1] (0 for none). */
  confidence: number;
  /** command: exact short message; pattern: a strong-command pattern; model: the classifier. */
  source: 'command' | 'pattern' | 'model' | 'none';
  /** A command that interrupts a question (« pause », « pourquoi ? »), as opposed to small talk. */
  strong: boolean;
}

export interface IntentData {
  intents: Record<string, { strong: boolean; commands: string[]; examples: string[] }>;
}

/**
 * Additive smoothing of the Bayes counts. natural's default (1) spreads the probability of unseen
 * words evenly over the 20 intents and flattens every share; 0.05 keeps the shares meaningful.
 */
export const SMOOTHING = 0.05;

/** Below this share the classifier's best guess is not trusted and `none` is returned. */
export const MODEL_THRESHOLD = 0.5;

const NONE: IntentResult = { name: 'none', confidence: 0, source: 'none', strong: false };

// Patterns for strong commands said in a sentence; checked on the folded, normalised text.
const PATTERNS: [RegExp, IntentName][] = [
  [
    /\b(?:supprim|effac|detrui|retir|vid|oubli)\w*\b.{0,40}\b(?:donnees|infos?|informations|reponses|compte|historique|coordonnees|conversation|numero)\b|\bdroit a l'oubli\b|\boubliez[- ]moi\b/,
    'supprimer_donnees',
  ],
  [
    /\b(?:rappelez|rappeler|rappelle|rappele|recontact\w*|appelez[- ]moi|m'appeler|me telephoner|m'appelle|rappel telephonique|demande de rappel)\b/,
    'etre_rappele',
  ],
  [
    /\b(?:parler|discuter|echanger|joindre|contacter|voir|avoir|passez[- ]moi|transferez[- ]moi|mettez[- ]moi en relation|relation)\b.{0,30}\b(?:conseiller|conseillere|humain|vraie personne|quelqu'un de vrai|agent|expert|cci|chambre de commerce)\b/,
    'parler_conseiller',
  ],
  [/^pourquoi\b.{0,40}$|\bpourquoi (?:cette|vous|tu|me|c'est|on)\b.{0,40}$|\ba quoi (?:ca|sert) (?:sert|cette question)\b/, 'pourquoi'],
  [/\b(?:question )?precedente?\b|\ben arriere\b|\bquestion d'avant\b/, 'precedent'],
  [
    /\b(?:mes|nos) (?:donnees|infos|informations|reponses)\b.{0,30}(?:\?|confidenti|protege|partag|stock|gard|conserv|recuper|export|copie|qui|ou sont|combien de temps)|\b(?:que|qu'est-ce que) (?:faites|ferez)[- ]vous (?:de|avec) mes\b|\bconfidentialite\b/,
    'mes_donnees',
  ],
  [
    /\b(?:c'est|vous etes|tu es|t'es|est) (?:nul|inutile|bete|debile)\b|\bn'importe quoi\b|\b(?:tu|vous) (?:ne )?(?:comprends|comprenez) rien\b|\b(?:ca|votre \w+|ton \w+) (?:ne )?(?:marche|fonctionne) pas\b|\bj'en ai marre\b|\bras le bol\b|^p+f+\b/,
    'insatisfaction',
  ],
];

export class IntentClassifier {
  private readonly commands = new Map<string, IntentName>();
  private readonly strong = new Set<IntentName>();
  // Always our French stemmer (natural falls back to the English one otherwise); features are passed
  // pre-stemmed, so it only matters if someone classifies raw strings.
  private readonly bayes = new BayesClassifier(frenchStemmer as unknown as ConstructorParameters<typeof BayesClassifier>[0], SMOOTHING);
  private readonly known: Set<string>;
  /** Milliseconds taken by training. */
  readonly trainingMs: number;

  constructor(
    data: IntentData,
    private readonly normalize: Normalize,
  ) {
    const t0 = performance.now();
    for (const [name, def] of Object.entries(data.intents)) {
      if (!(INTENTS as readonly string[]).includes(name)) throw new Error(`[nlu] unknown intent in data: ${name}`);
      const intent = name as IntentName;
      if (def.strong) this.strong.add(intent);
      for (const c of def.commands) this.commands.set(commandKey(c, normalize), intent);
      for (const ex of def.examples) {
        const features = analyze(normalize(ex).text);
        if (features.length > 0) this.bayes.addDocument(features, intent);
      }
    }
    this.bayes.train();
    this.known = new Set(Object.keys((this.bayes as unknown as { features: Record<string, number> }).features));
    this.trainingMs = performance.now() - t0;
  }

  isStrong(name: IntentName): boolean {
    return this.strong.has(name);
  }

  /** Intent of an already normalised text (see normalize.ts). */
  classify(normalizedText: string, folded: string): IntentResult {
    const key = commandKey(folded, this.normalize);
    const command = this.commands.get(key);
    if (command) return { name: command, confidence: 0.99, source: 'command', strong: this.strong.has(command) };
    for (const [re, name] of PATTERNS) {
      if (re.test(folded)) return { name, confidence: 0.9, source: 'pattern', strong: this.strong.has(name) };
    }
    const features = analyze(normalizedText);
    const known = features.filter((f) => this.known.has(f));
    if (known.length === 0) return NONE;
    const scores = this.bayes.getClassifications(known);
    const total = scores.reduce((s, c) => s + c.value, 0);
    if (!(total > 0)) return NONE;
    const best = scores[0];
    // Share of the best class, damped when most words of the message are unknown to the model.
    const coverage = known.length / features.length;
    const confidence = (best.value / total) * (0.7 + 0.3 * coverage);
    if (confidence < MODEL_THRESHOLD) return { ...NONE, confidence: 0 };
    const name = best.label as IntentName;
    return { name, confidence, source: 'model', strong: this.strong.has(name) };
  }
}

/** Key of a short command: folded, punctuation dropped, spaces collapsed. */
function commandKey(text: string, normalize: Normalize): string {
  return normalize(text)
    .folded.replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
