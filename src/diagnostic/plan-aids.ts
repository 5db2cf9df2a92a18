// The aid of a plan: the schemes attached to each priority (their topics match) and « Vos aides », the
// whole list for the firm — the schemes of its région it is eligible for and whose purpose meets the plan
// (named as regional), then the national ones that fit its needs. The look-up is injected
// (src/knowledge/aids.ts `findAids`); export support is offered only when the firm exports or wants to
// (findAids' rule).
import type { AidMatch, AidQuery } from '../knowledge/aids.js';
import type { Profile } from './types.js';

/** The aid look-up the plan needs: `findAids` of src/knowledge/aids.ts, or any function of that shape. */
export type FindAids = (query: AidQuery) => readonly AidMatch[];

/** An aid scheme as shown (JSON-serialisable). */
export interface AidRef {
  id: string;
  name: string;
  operator: string;
  kind: string;
  amount: string | null;
  rate: string | null;
  url: string;
  checked: string;
  /** « à vérifier » schemes must be confirmed with the CCI. */
  status: string;
  regional: boolean;
  /** Digital themes the scheme covers (site, e-commerce, gestion…). */
  topics?: string[];
  /** Eligibility conditions in French, when the catalogue gives them. */
  conditions?: string;
}

const MAX_PRIORITY_AIDS = 3;
const MAX_REGIONAL = 4;
const MAX_NATIONAL = 4;
/** Topics of a scheme that serves a firm's digital project as a whole (site, selling online, tools…). */
const BROAD_TOPICS = new Set(['transformation', 'site', 'e-commerce', 'visibilite', 'gestion']);
const STATUSES = new Set(['entreprise', 'dirigeant-salarie', 'tns-commerce', 'artisan', 'profession-liberale', 'micro-entrepreneur', 'association']);

/**
 * The aid catalogue's sector slug for the firm (knowledge/aides uses « commerce », « artisanat »,
 * « hotellerie-restauration »; the sector question gives « metiers_bouche », « construction »…): an
 * artisan is « artisanat » whatever the trade, a food shop is « commerce ».
 */
export function aidSector(profile: Profile): string | undefined {
  if (profile.status === 'artisan') return 'artisanat';
  if (profile.sector === 'metiers_bouche') return 'commerce';
  return profile.sector?.replace(/_/g, '-');
}

function queryOf(profile: Profile, topics: string[]): AidQuery {
  const query: AidQuery = { region: profile.region, topics };
  if (profile.sizeBand) query.sizeBand = profile.sizeBand;
  if (profile.status && STATUSES.has(profile.status)) query.status = profile.status as AidQuery['status'];
  const sector = aidSector(profile);
  if (sector) query.sector = sector;
  return query;
}

function safely(findAids: FindAids, query: AidQuery): readonly AidMatch[] {
  try {
    return findAids(query);
  } catch {
    return []; // A catalogue problem must not break the diagnostic; the advisor confirms aids anyway.
  }
}

function ref({ aid, regional }: AidMatch): AidRef {
  return {
    id: aid.id, name: aid.name, operator: aid.operator, kind: aid.kind, amount: aid.amount, rate: aid.rate,
    url: aid.url, checked: aid.checked, status: aid.status, regional, topics: aid.topics,
    ...(aid.eligibility.conditions ? { conditions: aid.eligibility.conditions } : {}),
  };
}

/** Up to 3 schemes whose topics match one priority's. */
export function priorityAids(findAids: FindAids | undefined, aidTopics: string[], profile: Profile): AidRef[] {
  if (!findAids || aidTopics.length === 0) return [];
  return safely(findAids, queryOf(profile, aidTopics))
    .filter((m) => m.matchedTopics.length > 0)
    .slice(0, MAX_PRIORITY_AIDS)
    .map(ref);
}

/**
 * « Vos aides »: the région's schemes the firm is eligible for and whose purpose meets the plan (its own
 * ones before the CCI's advice), then national schemes matching the plan's topics (`topics`: the
 * priorities' aid topics, with « transformation »).
 */
export function firmAids(findAids: FindAids | undefined, topics: string[], profile: Profile): AidRef[] {
  if (!findAids) return [];
  const matches = safely(findAids, queryOf(profile, [...new Set(topics)]));
  const isAdvice = (m: AidMatch) => m.aid.kind === 'accompagnement' && /^cci-/.test(m.aid.id);
  // A regional scheme for the firm's digital project in general is always shown; one for a single
  // specialised need (a cyber-incident service, an AI programme) only when the plan has that need.
  const fits = (m: AidMatch) => m.matchedTopics.length > 0 || m.aid.topics.some((t) => BROAD_TOPICS.has(t));
  const regional = matches
    .filter((m) => m.regional && fits(m))
    .sort((a, b) => Number(isAdvice(a)) - Number(isAdvice(b)))
    .slice(0, MAX_REGIONAL);
  const national = matches.filter((m) => !m.regional && m.matchedTopics.length > 0).slice(0, MAX_NATIONAL);
  return [...regional, ...national].map(ref);
}
