// The aid of a plan: the schemes attached to each priority (their topics match) and « Vos aides », the
// whole list for the firm — the schemes of its région it is eligible for and whose purpose meets the plan
// (named as regional), then the national ones that fit its needs. The look-up is injected
// (src/knowledge/aids.ts `findAids`); export support is offered only when the firm exports or wants to
// (findAids' rule). The catalogue is loaded and checked at start (src/content): a look-up does no I/O,
// and its errors are not hidden.
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

/**
 * From the sector question's ids to the aid catalogue's sectors: knowledge/nlu/secteurs.fr.json
 * (`aidSector` of each sector, `aidSectorByStatus`: an artisan is « artisanat » whatever the trade).
 */
export interface AidSectors {
  bySector: Readonly<Record<string, string>>;
  byStatus: Readonly<Record<string, string>>;
}

/** The aid catalogue's sector for the firm; undefined when unknown (sector-restricted schemes then rank lower). */
export function aidSector(profile: Profile, sectors: AidSectors | undefined): string | undefined {
  if (!sectors) return undefined;
  const byStatus = profile.status ? sectors.byStatus[profile.status] : undefined;
  return byStatus ?? (profile.sector ? sectors.bySector[profile.sector] : undefined);
}

function queryOf(profile: Profile, topics: string[], sectors: AidSectors | undefined): AidQuery {
  const query: AidQuery = { region: profile.region, topics };
  if (profile.sizeBand) query.sizeBand = profile.sizeBand;
  if (profile.status) query.status = profile.status; // one the catalogue does not name filters nothing
  const sector = aidSector(profile, sectors);
  if (sector) query.sector = sector;
  return query;
}

function ref({ aid, regional }: AidMatch): AidRef {
  return {
    id: aid.id,
    name: aid.name,
    operator: aid.operator,
    kind: aid.kind,
    amount: aid.amount,
    rate: aid.rate,
    url: aid.url,
    checked: aid.checked,
    status: aid.status,
    regional,
    topics: aid.topics,
    ...(aid.eligibility.conditions ? { conditions: aid.eligibility.conditions } : {}),
  };
}

/** Up to 3 schemes whose topics match one priority's. */
export function priorityAids(findAids: FindAids | undefined, aidTopics: string[], profile: Profile, sectors?: AidSectors): AidRef[] {
  if (!findAids || aidTopics.length === 0) return [];
  return findAids(queryOf(profile, aidTopics, sectors))
    .filter((m) => m.matchedTopics.length > 0)
    .slice(0, MAX_PRIORITY_AIDS)
    .map(ref);
}

/**
 * « Vos aides »: the région's schemes the firm is eligible for and whose purpose meets the plan (its own
 * ones before the CCI's advice), then national schemes matching the plan's topics (`topics`: the
 * priorities' aid topics, with « transformation »).
 */
export function firmAids(findAids: FindAids | undefined, topics: string[], profile: Profile, sectors?: AidSectors): AidRef[] {
  if (!findAids) return [];
  const matches = findAids(queryOf(profile, [...new Set(topics)], sectors));
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
