// A PDF fit to hand over (issue 14): labels not ids, guide titles, French dates, the person's CCI, the plan
// starting on page 1, barometer figures linked to the official publication.
import path from 'node:path';
import { loadGuides } from '../../../src/knowledge/guides.js';
import { renderReportPdf } from '../../../src/diagnostic/report/pdf.js';
import { scoringSources } from '../../../src/diagnostic/report/view.js';
import { loadDiagnosticModel } from '../../../src/diagnostic/model.js';
import { buildResult } from '../../../src/diagnostic/result.js';
import { content, findAids } from '../../helpers/content.js';
import { knowledgeDir } from '../../../src/paths.js';
import { compact, pdfCompactText } from './helpers.js';

const model = content().diagnostic;
const guides = loadGuides(path.join(knowledgeDir, 'guides'));
const bakery = buildResult(
  model.questionnaire,
  {},
  {
    profil_effectif: { type: 'size', value: '1-4' },
    profil_secteur: { type: 'sector', value: 'metiers_bouche' },
    profil_localisation: { type: 'location', departement: '33', region: '75' },
    profil_statut: { type: 'choice', value: 'artisan' },
    gestion_facture_electronique: { type: 'choice', value: 'rien_prevu' },
  },
  { model, findAids, now: new Date('2026-11-30T10:00:00Z') },
);

describe('the PDF report, fit to hand over', () => {
  let text = '';
  let raw = '';
  beforeAll(async () => {
    const pdf = await renderReportPdf(bakery, {
      compress: false,
      guideUrl: (s) => `https://virage.example.fr/guides/${s}`,
      guideTitle: (s) => guides.find((g) => g.id === s)?.title,
      sources: scoringSources(model.scoring),
      cci: { name: 'CCI Bordeaux Gironde', phone: '05 56 79 50 00', email: 'numerique@example.fr' },
    });
    text = pdfCompactText(pdf);
    raw = pdf.toString('latin1');
  });

  it('prints labels, not ids, and guide titles, not slugs', () => {
    expect(text).toContain(compact('secteur : commerce alimentaire et métiers de bouche'));
    expect(text).not.toContain('metiers_bouche');
    expect(text).toContain(compact('Guide « La facture électronique obligatoire »'));
    expect(text).not.toContain(compact('Guide « facturation-electronique »'));
  });

  it('dates its sources in French and names the person’s CCI with its contact', () => {
    expect(text).toContain(compact('vérifiée le 22 novembre 2026'));
    expect(text).not.toMatch(/vérifiéele\d{4}-/);
    expect(text).toContain(compact('Votre interlocuteur : CCI Bordeaux Gironde · 05 56 79 50 00 · numerique@example.fr'));
  });

  it('starts the plan on page 1 when there is room (no half-empty first page)', () => {
    const pages = raw.split('/Type /Page\n').length - 1;
    expect(pages).toBeGreaterThanOrEqual(2);
    const firstPageEnd = text.indexOf(compact('page 1 sur'));
    expect(text.indexOf(compact('Un conseiller vous est recommandé'))).toBeLessThan(firstPageEnd);
  });

  it('links barometer figures to the official publication only', () => {
    expect(raw).not.toMatch(/iapratique|infometiers|boursorama/);
  });
});
