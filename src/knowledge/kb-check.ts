// The whole knowledge-base check behind `npm run kb:check` and test/knowledge/kb-check.test.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkAids } from './aids.js';
import { checkGuides } from './guides.js';
import { displayPath, type Problem } from './validation.js';

/** Guides the diagnostic and the answers link to: each must exist in knowledge/guides/. */
export const REQUIRED_GUIDE_SLUGS = [
  'comprendre-son-score', 'site-vitrine', 'site-e-commerce', 'places-de-marche', 'fiche-google', 'reseaux-sociaux',
  'community-manager', 'referencement-naturel', 'publicite-en-ligne', 'nom-de-domaine-email-pro', 'paiement-en-ligne',
  'crm-fichier-clients', 'avis-clients', 'facturation-electronique', 'logiciel-gestion', 'outils-collaboratifs',
  'materiel-informatique', 'cybersecurite', 'cyberattaque-que-faire', 'rgpd', 'financer-formation', 'choisir-prestataire',
  'accompagnement-cci', 'aides-regionales', 'financer-projet-numerique', 'ia-premiers-usages', 'osez-ia', 'e-export',
  'numerique-responsable', 'strategie-numerique',
] as const;

export function checkKnowledgeBase(knowledgeRoot: string, required: readonly string[] = REQUIRED_GUIDE_SLUGS): Problem[] {
  const guidesDir = path.join(knowledgeRoot, 'guides');
  const problems = [...checkGuides(guidesDir)];
  for (const slug of required) {
    const file = path.join(guidesDir, `${slug}.md`);
    if (!existsSync(file)) problems.push({ file: displayPath(file), message: 'guide obligatoire manquant' });
  }
  problems.push(...checkAids(path.join(knowledgeRoot, 'aides')));
  return problems;
}
