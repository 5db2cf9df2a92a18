import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { isScored } from '../../src/diagnostic/answers.js';
import { loadQuestionnaire } from '../../src/diagnostic/questionnaire.js';
import { AXIS_IDS } from '../../src/diagnostic/types.js';

const fixture = (name: string): string => path.join(projectRoot, 'test', 'fixtures', 'diagnostic', name);

function loadError(file: string): string {
  try {
    loadQuestionnaire(file);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${file} should not load`);
}

describe('questionnaire.fr.json', () => {
  const q = loadQuestionnaire();

  test('the shipped file passes the schema and the semantic checks', () => {
    expect(q.version).toMatch(/^\d{4}\.\d{2}-\d+$/);
    const scored = q.questions.filter(isScored);
    expect(scored.length).toBeGreaterThanOrEqual(22);
    expect(scored.length).toBeLessThanOrEqual(26);
    for (const axis of AXIS_IDS) expect(scored.filter((x) => x.axis === axis).length).toBeGreaterThanOrEqual(2);
  });

  test('the profile block covers size, sector, clients, place, status, invoices, budget and time', () => {
    const fields = q.questions.map((x) => x.profileField).filter(Boolean);
    expect(new Set(fields)).toEqual(new Set(['sizeBand', 'sector', 'clientele', 'location', 'status', 'invoices', 'budget', 'time']));
  });

  test('every question has French text, a reason and an example for reprompts', () => {
    for (const question of q.questions) {
      expect(question.text).toMatch(/\?|\)$/);
      expect(question.why.length).toBeGreaterThan(10);
      expect(question.example).toMatch(/^Par exemple/);
    }
  });

  test('e-invoicing, backup and incidents raise red flags', () => {
    const flags = q.questions.flatMap((x) => (x.redFlags ?? []).map((f) => f.id));
    expect(flags).toEqual(expect.arrayContaining(['facture_electronique_sans_plan', 'pas_de_sauvegarde', 'incident_en_cours']));
    const einvoice = q.questions.find((x) => x.id === 'gestion_facture_electronique')!;
    expect(einvoice.text).toContain('1er septembre 2026');
    expect(einvoice.text).toContain('1er septembre 2027');
  });
});

describe('broken questionnaires fail with clear, aggregated French messages', () => {
  test('semantic problems are all listed', () => {
    const message = loadError(fixture('questionnaire-broken-semantics.json'));
    expect(message).toContain('Questionnaire du diagnostic invalide');
    expect(message).toContain('question « q1 » : identifiant en double');
    expect(message).toContain('option « a » en double');
    expect(message).toContain("« skipIf » porte sur « q3 », qui n'existe pas ou vient après");
    expect(message).toContain('une question de type « multi » doit avoir des options');
    expect(message).toContain("« peut-etre » n'est pas une réponse possible à « q1 »");
    expect(message).toContain('valeur inconnue « jamais »');
    expect(message).toContain('option « a » : note (score) manquante');
    expect(message).toContain('axe « ia » : aucune question notée pour cet axe');
    expect(message).toContain('questionnaire-broken-semantics.json');
    // Quantity questions carry their buttons (issue 15: content owns them).
    expect(message).toContain('question « q4 » : les boutons (« buttons ») manquent');
  });

  test('the buttons of quantity questions come from the data, and a size button must store a band', () => {
    const q = loadQuestionnaire();
    const size = q.questions.find((x) => x.type === 'size')!;
    expect(size.buttons?.map((b) => b.value)).toEqual(['0', '1-4', '5-9', '10-49', '50-249', '250+']);
    const broken = structuredClone(q);
    broken.questions.find((x) => x.type === 'size')!.buttons![1].value = '1-3';
    const file = path.join(os.tmpdir(), `questionnaire-buttons-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(broken));
    try {
      expect(loadError(file)).toContain('valeur « 1-3 » impossible pour une question de type size');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('count bands come from the data: a count question whose option has no range does not load', () => {
    const q = loadQuestionnaire();
    const broken = structuredClone(q);
    const counted = broken.questions.find((x) => x.countedPer)!;
    expect(counted.id).toBe('profil_factures');
    delete counted.options![1].range;
    const file = path.join(os.tmpdir(), `questionnaire-ranges-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(broken));
    try {
      expect(loadError(file)).toContain('question « profil_factures » : option « 100_1000 » : « range » manque');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('schema problems name the field', () => {
    const message = loadError(fixture('questionnaire-broken-schema.json'));
    expect(message).toContain('questionnaire-broken-schema.json : version : format incorrect');
    expect(message).toContain(': title : texte trop court');
    expect(message).toContain(': questions[0].axis : valeur non autorisée');
    expect(message).toContain(': questions[1] : champ obligatoire « example » manquant');
    expect(message).toContain(': questions[1] : champ inconnu « couleur »');
    expect(message).toContain('questions[1].options[0].score : doit être <= 1');
  });

  test('invalid JSON and a missing file are reported, not thrown raw', () => {
    expect(loadError(fixture('questionnaire-not-json.json'))).toContain('JSON invalide');
    expect(loadError(fixture('nope.json'))).toContain('nope.json : fichier manquant');
  });
});
