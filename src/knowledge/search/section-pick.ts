// Which part of a guide answers a question, once the guide is chosen. Within one guide, the words of its
// subject (« avis », « community manager ») are in every section and say nothing of the part that
// answers; so each query term counts by the share of the guide's sections that LACK it:
//   weight(t) = 1 − df(t) / (m + 1), with m the guide's full-weight sections and df(t) those holding t
//   (in their text, heading or questions);
//   score(section) = Σ_t weight(t) × (text(t) + labelWeight × labels(t)) × sectionWeight
//                    × (1 + intentBoost when its heading answers the kind of question asked).
// text(t) and labels(t) are the term's BM25 contributions to the section's text and to its own labels
// (heading + questions). Boilerplate sections (« À retenir ») keep their lower weight, unless their heading
// answers the kind of question asked (« me faire accompagner » → « Quand se faire accompagner »).

export interface SectionEvidence {
  /** text[t][j]: contribution of query term t to section j's passage (heading, text and questions). */
  text: Float64Array[];
  /** labels[t][j]: contribution of query term t to section j's own labels (heading and questions). */
  labels: Float64Array[];
  /** Multiplier of each section (1, lower for boilerplate). */
  weights: number[];
  /** Kinds of question each section's heading answers (bit masks, see section-intent.ts). */
  kinds: number[];
}

export interface PickParams {
  /** Kinds of question asked (bit mask). */
  asked: number;
  labelWeight: number;
  intentBoost: number;
}

/** Index of the section that answers, or -1 when no query term is found in the guide's sections. */
export function bestSection(e: SectionEvidence, { asked, labelWeight, intentBoost }: PickParams): number {
  const n = e.weights.length;
  const full = e.weights.filter((w) => w === 1).length;
  const discriminative = e.text.map((row, t) => {
    let df = 0;
    for (let j = 0; j < n; j++) if (e.weights[j] === 1 && (row[j]! > 0 || e.labels[t]![j]! > 0)) df++;
    return 1 - df / (full + 1);
  });
  let best = -1;
  let bestScore = 0;
  for (let j = 0; j < n; j++) {
    let score = 0;
    discriminative.forEach((w, t) => (score += w * (e.text[t]![j]! + labelWeight * e.labels[t]![j]!)));
    // A boilerplate section (« Quand se faire accompagner ») weighs fully when its heading answers what is asked.
    score *= e.kinds[j]! & asked ? 1 + intentBoost : e.weights[j]!;
    if (score > bestScore) [best, bestScore] = [j, score];
  }
  return best;
}
