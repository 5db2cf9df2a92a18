// /confidentialite names the data controller, the DPO, the legal basis and the retention of each kind of data
// (from configuration), the rights and the CNIL route; the chat answers « combien de temps » with the durations.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createVirage, type Virage } from '../../src/index.js';
import { activity, texts, turn } from '../helpers/emulator.js';

describe('privacy notice', () => {
  let virage: Virage;
  let url = '';
  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'virage-notice-')),
      PRIVACY_CONTROLLER: 'CCI Bordeaux Gironde, 17 place de la Bourse, 33076 Bordeaux',
      PRIVACY_DPO_CONTACT: 'dpo@bordeauxgironde.cci.fr',
      PRIVACY_BASIS_HANDOFF: 'Votre consentement (article 6.1.a du RGPD).',
      RETENTION_CONVERSATION_DAYS: '45',
    });
    virage = await createVirage(config);
    url = `http://127.0.0.1:${await virage.start(0)}`;
  });
  afterAll(async () => virage.stop());

  it('names the controller, the DPO, the legal bases, the durations, the rights and the CNIL', async () => {
    const res = await fetch(`${url}/confidentialite`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Responsable du traitement :</strong> CCI Bordeaux Gironde, 17 place de la Bourse, 33076 Bordeaux');
    expect(html).toContain('dpo@bordeauxgironde.cci.fr');
    expect(html).toContain('Base légale : Votre consentement (article 6.1.a du RGPD).');
    expect(html).toContain('Conservées 45 jours après votre dernier message');
    expect(html).toMatch(/rectifier ou effacer/);
    expect(html).toContain('https://www.cnil.fr/fr/plaintes');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  it('answers « vous gardez mes infos combien de temps ? » with the durations', async () => {
    await turn(url, activity({ text: 'bonjour' }, 'notice-1', 'u-notice-1'));
    const replies = await turn(url, activity({ text: 'vous gardez mes infos combien de temps ?' }, 'notice-1', 'u-notice-1'));
    const text = texts(replies).join('\n');
    expect(text).toContain('vos conversations : 45 jours après votre dernier message');
    expect(text).toMatch(/votre diagnostic : \d+ jours/);
    expect(text).toContain('/confidentialite');
  });
});
