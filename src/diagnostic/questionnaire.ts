// Loads the questionnaire (knowledge/diagnostic/questionnaire.fr.json): schema, then semantic checks that a
// schema cannot express. Every problem is reported at once, in French, so a CCI can fix the file alone.
import path from 'node:path';
import { isScored, isValidAnswer, itemScore, optionsOf } from './answers.js';
import { referencedQuestions, referencedValues } from './conditions.js';
import { diagnosticDir, displayPath, readChecked, throwIfProblems, type Problem } from './data.js';
import { AXIS_IDS, SIZE_BANDS, type AxisId, type Question, type Questionnaire } from './types.js';

export const DEFAULT_QUESTIONNAIRE = path.join(diagnosticDir, 'questionnaire.fr.json');

/** Values every question accepts in a condition or a red flag, besides its option ids. */
const ALWAYS_VALID = ['dontknow', 'notconcerned'];

/** Loads and checks the questionnaire; throws one error listing every problem. */
export function loadQuestionnaire(file: string = DEFAULT_QUESTIONNAIRE): Questionnaire {
  const { data, problems } = readChecked(file, 'questionnaire.schema.json');
  if (data) problems.push(...checkQuestionnaire(data as Questionnaire, displayPath(file)));
  throwIfProblems('Questionnaire du diagnostic invalide', problems);
  return data as Questionnaire;
}

/** Semantic checks of a schema-valid questionnaire. */
export function checkQuestionnaire(q: Questionnaire, file: string): Problem[] {
  const problems: Problem[] = [];
  const add = (where: string, message: string): void => {
    problems.push({ file, message: `${where} : ${message}` });
  };

  const axisIds = new Set<string>();
  for (const axis of q.axes) {
    if (axisIds.has(axis.id)) add(`axe « ${axis.id} »`, 'identifiant en double');
    axisIds.add(axis.id);
  }
  for (const id of AXIS_IDS) if (!axisIds.has(id)) add(`axe « ${id} »`, 'axe manquant dans la liste « axes »');

  const seen = new Map<string, Question>();
  const profileFields = new Set<string>();
  for (const question of q.questions) {
    const where = `question « ${question.id} »`;
    if (seen.has(question.id)) add(where, 'identifiant en double');
    if (question.axis !== 'profil' && !axisIds.has(question.axis)) add(where, `axe inconnu « ${question.axis} »`);
    checkOptions(question, (m) => add(where, m));
    checkButtons(question, (m) => add(where, m));
    checkRanges(question, (m) => add(where, m));
    if (question.outsourcedAnswer && question.type !== 'yesno') add(where, "« outsourcedAnswer » ne sert qu'aux questions oui/non");
    checkProfile(question, profileFields, (m) => add(where, m));
    checkSkip(question, seen, (m) => add(where, m));
    for (const flag of question.redFlags ?? []) {
      const valid = new Set([...optionsOf(question).map((o) => o.id), ...ALWAYS_VALID]);
      for (const value of flag.in) {
        if (!valid.has(value)) add(where, `signal d'alerte « ${flag.id} » : valeur inconnue « ${value} »`);
      }
    }
    seen.set(question.id, question);
  }

  for (const axis of AXIS_IDS) {
    if (!q.questions.some((question) => question.axis === axis && isScored(question))) {
      add(`axe « ${axis} »`, 'aucune question notée pour cet axe');
    }
  }
  return problems;
}

const QUANTITY_TYPES = new Set(['size', 'money', 'percent', 'number']);

/** Quantity questions carry their buttons; a size button stores a size band, the others a number. */
function checkButtons(question: Question, add: (message: string) => void): void {
  if (!QUANTITY_TYPES.has(question.type)) {
    if (question.buttons) add("« buttons » ne sert qu'aux questions de taille, de montant, de pourcentage ou de nombre");
    return;
  }
  if (!question.buttons?.length) return add('les boutons (« buttons ») manquent');
  for (const b of question.buttons) {
    const ok =
      question.type === 'size' ? (SIZE_BANDS as readonly unknown[]).includes(b.value) : typeof b.value === 'number' && b.value >= 0;
    if (!ok) add(`bouton « ${b.label} » : valeur « ${b.value} » impossible pour une question de type ${question.type}`);
  }
}

/** Count and time questions: every option carries its range [min, max), and the ranges follow each other. */
function checkRanges(question: Question, add: (message: string) => void): void {
  if (!question.countedPer && !question.hoursPerWeek) return;
  if (question.type !== 'choice') return add("« countedPer » et « hoursPerWeek » ne servent qu'aux questions à choix");
  const options = question.options ?? [];
  for (const o of options) {
    if (!o.range) add(`option « ${o.id} » : « range » manque (une question de comptage ou de durée donne l'intervalle de chaque option)`);
    else if (o.range[0] >= o.range[1]) add(`option « ${o.id} » : « range » vide (${o.range[0]} ≥ ${o.range[1]})`);
  }
}

function checkOptions(question: Question, add: (message: string) => void): void {
  const options = question.options ?? [];
  const ids = new Set<string>();
  for (const option of options) {
    if (ids.has(option.id)) add(`option « ${option.id} » en double`);
    ids.add(option.id);
  }
  const scored = isScored(question);
  switch (question.type) {
    case 'choice':
    case 'multi':
      if (options.length === 0) add(`une question de type « ${question.type} » doit avoir des options`);
      if (scored) {
        for (const o of options) if (o.score === undefined) add(`option « ${o.id} » : note (score) manquante`);
      }
      if (question.type === 'multi' && scored && !options.some((o) => !o.exclusive && (o.score ?? 0) > 0)) {
        add('aucune option ne rapporte de points');
      }
      break;
    case 'yesno':
      for (const o of options) {
        if (!['yes', 'partly', 'no'].includes(o.id)) add(`option « ${o.id} » : seules yes, partly et no sont possibles`);
      }
      break;
    case 'size':
      for (const o of options) {
        if (!(SIZE_BANDS as readonly string[]).includes(o.id)) add(`option « ${o.id} » : tranche d'effectif inconnue`);
      }
      break;
    case 'number':
    case 'percent':
    case 'money': {
      const bands = question.bands ?? [];
      if (scored && bands.length === 0) add('les questions chiffrées notées doivent avoir des paliers (bands)');
      for (let i = 1; i < bands.length; i++) {
        if (bands[i].min <= bands[i - 1].min) add('paliers (bands) : les minimums doivent être croissants');
        if (bands[i].score < bands[i - 1].score) add('paliers (bands) : les notes ne doivent pas baisser');
      }
      if (options.length) add(`les questions de type « ${question.type} » n'ont pas d'options`);
      break;
    }
    default:
      if (options.length) add(`les questions de type « ${question.type} » n'ont pas d'options`);
  }
  if (question.type !== 'multi' && options.some((o) => o.exclusive)) add('« exclusive » ne sert que pour le type multi');
}

function checkProfile(question: Question, fields: Set<string>, add: (message: string) => void): void {
  if (question.profileField) {
    if (question.axis !== 'profil') add('« profileField » est réservé aux questions du profil');
    if (fields.has(question.profileField)) add(`champ de profil « ${question.profileField} » déjà rempli par une autre question`);
    fields.add(question.profileField);
  }
  if (question.axis === 'profil' && question.scored === true) add('une question du profil ne peut pas être notée');
}

function checkSkip(question: Question, earlier: Map<string, Question>, add: (message: string) => void): void {
  if (!question.skipIf) {
    if (question.whenSkipped) add('« whenSkipped » sans « skipIf »');
    return;
  }
  for (const ref of referencedQuestions(question.skipIf)) {
    if (ref === question.id) add('« skipIf » ne peut pas porter sur la question elle-même');
    else if (!earlier.has(ref)) add(`« skipIf » porte sur « ${ref} », qui n'existe pas ou vient après`);
  }
  for (const { question: ref, value } of referencedValues(question.skipIf)) {
    const target = earlier.get(ref);
    if (!target || !['yesno', 'choice', 'multi', 'size'].includes(target.type)) continue;
    const valid = new Set([...optionsOf(target).map((o) => o.id), ...ALWAYS_VALID]);
    if (!valid.has(value)) add(`« skipIf » : « ${value} » n'est pas une réponse possible à « ${ref} »`);
  }
  if (question.whenSkipped && !isValidAnswer(question, question.whenSkipped)) {
    add('« whenSkipped » ne correspond pas au type de la question');
  }
  // A skip triggered by a scored answer must assume the worst answer, or a better answer could lower a score.
  const dependsOnScored = referencedQuestions(question.skipIf).some((ref) => {
    const target = earlier.get(ref);
    return target !== undefined && isScored(target);
  });
  if (isScored(question) && dependsOnScored) {
    if (!question.whenSkipped) add("« skipIf » dépend d'une question notée : « whenSkipped » est obligatoire");
    else if (itemScore(question, question.whenSkipped) !== minScore(question)) {
      add('« whenSkipped » doit être la réponse la moins bien notée');
    }
  }
}

/** Lowest item score a question can give. */
export function minScore(question: Question): number {
  const first = question.bands?.[0];
  if (first) return first.min <= 0 ? first.score : 0;
  const scores = optionsOf(question).map((o) => o.score ?? 0);
  return question.type === 'multi' ? 0 : Math.min(...scores);
}

/** The question with that id, or undefined. */
export function findQuestion(q: Questionnaire, id: string): Question | undefined {
  return q.questions.find((question) => question.id === id);
}

/** French label of an axis (« Présence en ligne »), or « Votre entreprise » for the profile. */
export function axisLabel(q: Questionnaire, axis: AxisId | 'profil'): string {
  if (axis === 'profil') return 'Votre entreprise';
  return q.axes.find((a) => a.id === axis)?.label ?? axis;
}
