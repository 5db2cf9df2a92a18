// The one content loader (src/content): a copy of knowledge/ in a temp folder, broken or extended one file at
// a time, must load or fail with ONE French error naming the file and the field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent, formatProblems, loadContent } from '../../src/content/index.js';
import { profileLabel } from '../../src/diagnostic/report/labels.js';
import { knowledgeDir } from '../../src/paths.js';

const dirs: string[] = [];
function copy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'virage-knowledge-'));
  cpSync(knowledgeDir, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const write = (file: string, data: unknown) => writeFileSync(file, JSON.stringify(data, null, 2));
function errorOf(dir: string): string {
  try {
    loadContent(dir);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the content loaded');
}

describe('loadContent', () => {
  it('finds no problem in the shipped knowledge/ (what npm run kb:check checks)', () => {
    const problems = checkContent(knowledgeDir);
    if (problems.length > 0) throw new Error(formatProblems(problems));
    const content = loadContent(knowledgeDir);
    expect(content.guides.length).toBeGreaterThanOrEqual(30);
    expect(content.aids.length).toBeGreaterThan(0);
    expect(content.aidTopics).toContain('cybersecurite');
  });

  it('a new guide referenced from a plan rule loads (guides are the guides loaded)', () => {
    const dir = copy();
    const base = readFileSync(path.join(dir, 'guides', 'site-vitrine.md'), 'utf8');
    writeFileSync(
      path.join(dir, 'guides', 'guide-tout-neuf.md'),
      base.replace(/^id: site-vitrine$/m, 'id: guide-tout-neuf').replace(/^related: .*$/m, 'related: [site-vitrine]'),
    );
    const file = path.join(dir, 'diagnostic', 'recommandations.fr.json');
    const rules = json(file);
    rules.actions[0].guides.push('guide-tout-neuf');
    write(file, rules);
    const content = loadContent(dir);
    expect(content.guides.map((g) => g.id)).toContain('guide-tout-neuf');
    expect(content.diagnostic.recommendations.actions[0].guides).toContain('guide-tout-neuf');
  });

  it('a plan rule naming a missing guide or an aid topic outside the aid schema stops the load', () => {
    const dir = copy();
    const file = path.join(dir, 'diagnostic', 'recommandations.fr.json');
    const rules = json(file);
    rules.actions[0].guides.push('guide-absent');
    rules.actions[0].aidTopics.push('licornes');
    write(file, rules);
    const message = errorOf(dir);
    expect(message).toMatch(
      /knowledge\/diagnostic\/recommandations\.fr\.json|recommandations\.fr\.json : action « .+ » : guide inconnu « guide-absent »/,
    );
    expect(message).toContain("thème d'aide inconnu « licornes »");
  });

  it('a new aid topic added to the aid schema may be used by a plan rule', () => {
    const dir = copy();
    const schemaFile = path.join(dir, 'aides', 'aides.schema.json');
    const schema = json(schemaFile);
    schema.definitions.scheme.properties.topics.items.enum.push('licornes');
    write(schemaFile, schema);
    const file = path.join(dir, 'diagnostic', 'recommandations.fr.json');
    const rules = json(file);
    rules.actions[0].aidTopics.push('licornes');
    write(file, rules);
    expect(loadContent(dir).aidTopics).toContain('licornes');
  });

  it("statuses and size bands come from the aid schema; its size bands must be the questionnaire's", () => {
    const dir = copy();
    const schemaFile = path.join(dir, 'aides', 'aides.schema.json');
    const schema = json(schemaFile);
    const eligibility = schema.definitions.scheme.properties.eligibility.properties;
    eligibility.statuses.items.enum.push('scop');
    write(schemaFile, schema);
    expect(loadContent(dir).aidVocabulary.statuses).toContain('scop');
    expect(loadContent(dir).aidVocabulary.statuses).not.toContain('*');
    eligibility.sizes.items.enum.push('5000+');
    write(schemaFile, schema);
    expect(errorOf(dir)).toMatch(
      /aides\.schema\.json.*tranches d'effectif \(eligibility\.sizes\) : 0, 1-4, 5-9, 10-49, 50-249, 250\+, 5000\+ au lieu de/,
    );
  });

  it("the reports' names of profile ids come from the content loaded (no file read by the report)", () => {
    const dir = copy();
    const file = path.join(dir, 'nlu', 'secteurs.fr.json');
    const sectors = json(file);
    const first = sectors.secteurs[0];
    first.label = 'Secteur renommé';
    write(file, sectors);
    try {
      loadContent(dir);
      expect(profileLabel('sector', first.id)).toBe('Secteur renommé');
    } finally {
      loadContent(); // the shipped labels again, for the tests that follow in this file
    }
    expect(profileLabel('sector', first.id)).not.toBe('Secteur renommé');
  });

  it('a broken intents file stops the load with a French message naming the file and the field', () => {
    const dir = copy();
    const file = path.join(dir, 'nlu', 'intents.fr.json');
    const data = json(file);
    data.intents.aide.examples = 'aidez-moi';
    write(file, data);
    const message = errorOf(dir);
    expect(message).toMatch(/^Contenu invalide dans .+ : 1 problème\(s\)/);
    expect(message).toContain('nlu/intents.fr.json : intents.aide.examples doit être une liste');
  });

  it('a broken aid catalogue stops the load (never an empty list of aids)', () => {
    const dir = copy();
    const file = path.join(dir, 'aides', 'nationales.fr.json');
    const data = json(file);
    delete data.schemes[2].url;
    data.schemes[3].topics = ['site', 'licornes'];
    write(file, data);
    const message = errorOf(dir);
    expect(message).toContain(`aides/nationales.fr.json : aide « ${data.schemes[2].id} » : champ obligatoire « url » manquant`);
    expect(message).toMatch(/aides\/nationales\.fr\.json : aide « .+ » : topics\[1\] : valeur non autorisée/);
  });

  it('a misspelt synonym key is an error, not a silent fallback', () => {
    const dir = copy();
    const file = path.join(dir, 'nlu', 'synonymes-kb.fr.json');
    const { expansions, ...rest } = json(file);
    write(file, { ...rest, expansion: expansions });
    const message = errorOf(dir);
    expect(message).toContain('nlu/synonymes-kb.fr.json : champ obligatoire « expansions » manquant');
    expect(message).toContain('champ inconnu « expansion »');
  });

  it('sectors and territories have schemas and cross-checks', () => {
    const dir = copy();
    const sectorsFile = path.join(dir, 'nlu', 'secteurs.fr.json');
    const sectors = json(sectorsFile);
    sectors.secteurs[1].band = 'inconnue';
    write(sectorsFile, sectors);
    const territoriesFile = path.join(dir, 'nlu', 'territoires.fr.json');
    const territories = json(territoriesFile);
    territories.departements[0].region = '99';
    delete territories.departements[1].nom;
    write(territoriesFile, territories);
    const message = errorOf(dir);
    expect(message).toContain('nlu/secteurs.fr.json : secteurs[1].band : tranche « inconnue » absente de « bands »');
    expect(message).toContain('nlu/territoires.fr.json : departements[1] : champ obligatoire « nom » manquant');
  });

  it('the off-topic vocabulary and the section intents of the search are checked like the rest', () => {
    const dir = copy();
    const offTopicFile = path.join(dir, 'nlu', 'hors-domaine.fr.json');
    const offTopic = json(offTopicFile);
    offTopic.themes['meteo et nature'] = 'pluie';
    write(offTopicFile, offTopic);
    const intentsFile = path.join(dir, 'nlu', 'sections-kb.fr.json');
    const intents = json(intentsFile);
    intents.kinds.cost.headings.push('tarifs pratiqués par les licornes');
    write(intentsFile, intents);
    const message = errorOf(dir);
    expect(message).toContain('nlu/hors-domaine.fr.json : themes.meteo et nature doit être une liste');
    expect(message).toMatch(
      /nlu\/sections-kb\.fr\.json : kinds\.cost\.headings\[\d+\] : « tarifs pratiqués par les licornes » ne figure dans aucun titre de section/,
    );
  });

  it('the chat forms are checked: a word in capitals, a missing replacement, a pattern that does not compile', () => {
    const dir = copy();
    const file = path.join(dir, 'nlu', 'formes-chat.fr.json');
    const forms = json(file);
    forms.words.Bcp = 'beaucoup';
    write(file, forms);
    expect(errorOf(dir)).toMatch(/nlu\/formes-chat\.fr\.json : words/);
    delete forms.words.Bcp;
    forms.phrases.push({ pattern: '\\bouf(', by: 'ouf' });
    write(file, forms);
    expect(errorOf(dir)).toMatch(/nlu\/formes-chat\.fr\.json : phrases\[\d+\]\.pattern : l'expression ne se compile pas/);
    forms.phrases.pop();
    forms.phrases.push({ pattern: '\\bouf\\b' });
    write(file, forms);
    expect(errorOf(dir)).toMatch(/nlu\/formes-chat\.fr\.json : phrases\[\d+\].*by/);
  });

  it('the answer words are checked: a missing cue, an expression that does not compile, named by its key', () => {
    const dir = copy();
    const file = path.join(dir, 'nlu', 'reponses.fr.json');
    const words = json(file);
    delete words.yesNo.maybe;
    write(file, words);
    expect(errorOf(dir)).toMatch(/nlu\/reponses\.fr\.json : .*maybe/);
    words.yesNo.maybe = '\\bpeut-(etre';
    write(file, words);
    expect(errorOf(dir)).toMatch(/nlu\/reponses\.fr\.json : une expression ne se compile pas .*yesNo\.maybe/);
  });

  it('every problem of every file comes in one error', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'nlu', 'phrases.fr.json'), '{ pas du json');
    rmSync(path.join(dir, 'nlu', 'urgences.fr.json'));
    const message = errorOf(dir);
    expect(message).toMatch(/phrases\.fr\.json : JSON invalide/);
    expect(message).toMatch(/urgences\.fr\.json : fichier manquant/);
  });
  it('labelled example answers name their question, a yes/no or choice one, and only its answers', () => {
    const dir = copy();
    const folder = path.join(dir, 'nlu', 'exemples-reponses');
    const file = path.join(folder, 'cyber_rgpd.fr.json');
    const data = json(file);
    data.examples.push({ text: 'un registre tenu par la comptable', answer: 'peut-etre' });
    data.examples.push({ ...data.examples[0] });
    write(file, data);
    write(path.join(folder, 'profil_budget.fr.json'), { questionId: 'profil_budget', examples: data.examples.slice(0, 6) });
    write(path.join(folder, 'mal-nomme.fr.json'), { questionId: 'cyber_incident', examples: data.examples.slice(0, 6) });
    const message = errorOf(dir);
    expect(message).toMatch(/exemples-reponses\/cyber_rgpd\.fr\.json.*« peut-etre » : attendu l'un de yes, partly, no, dontknow/);
    expect(message).toMatch(/cyber_rgpd\.fr\.json.*figure deux fois/);
    expect(message).toMatch(/profil_budget\.fr\.json.*pas une question oui\/non ou à choix/);
    expect(message).toMatch(/mal-nomme\.fr\.json.*doit s'appeler cyber_incident\.fr\.json/);
  });

  it('the labelled example answers reach the understanding', () => {
    const content = loadContent(knowledgeDir);
    expect(content.nlu.examples?.length).toBeGreaterThanOrEqual(20);
    const rgpd = content.nlu.examples!.find((e) => e.questionId === 'cyber_rgpd')!;
    expect(rgpd.labels).toEqual(['yes', 'partly', 'no', 'dontknow']);
    expect(rgpd.examples.length).toBeGreaterThanOrEqual(30);
  });
});
