// Yes / partly / no / don't know / not concerned, from free French text, with negation scope and
// nuance: « absolument » is yes but « absolument pas » is no; « tout à fait » is yes but « pas tout
// à fait » is partly; « oui mais pas à jour » is partly; « bien sûr que non » is no.
import { fold } from '../analyze.js';
import { found, notUnderstood, type Extraction, type YesNo } from '../types.js';

type Rule = [RegExp, YesNo, number];

/** A verb of stopping or switching off: « arrêté », « désactivé », « résilié », « laissé tomber ». */
export const STOPPED =
  /\b(?:ferme|fermee|arrete|arretee|abandonne|abandonnee|supprime|supprimee|desactive|desactivee|desactives|desactivees|resilie|resiliee|laisse tomber|expire|expiree)\b/;

/** Tried, then given up: « on a testé un outil, puis laissé tomber », « j'ai essayé mais j'ai arrêté ». */
export const TRIED_THEN_STOPPED = new RegExp(
  `\\b(?:j'ai|on a|nous avons|j'avais|on avait|nous avions) (?:essaye|teste)\\b.{0,60}(?:${STOPPED.source})`,
);

/**
 * Something that existed and was dropped: « on en avait un mais il a fermé », « j'avais un site, arrêté », « j'ai tout
 * désactivé », « on l'a résilié ».
 */
export const DROPPED = new RegExp(
  `\\b(?:on en avait|on avait|j'avais|j'en avais|nous avions|nous en avions|il y avait|c'etait)\\b.{0,50}(?:${STOPPED.source}|\\b(?:n'existe plus|plus rien|plus maintenant|plus actif|plus active)\\b)` +
    `|${TRIED_THEN_STOPPED.source}` +
    `|\\b(?:depuis|maintenant|aujourd'hui|depuis ce temps-la),? (?:plus rien|plus personne|c'est fini)\\b` +
    `|\\b(?:j'ai|on a|nous avons|il a|elle a|ils ont) tout (?:desactive|arrete|abandonne|resilie|supprime|coupe|laisse tomber)\\b` +
    `|\\b(?:je|on|nous|il|elle|ils) (?:l'|les )(?:ai|a|avons|ont) (?:desactive|arrete|abandonne|resilie|supprime|coupe)e?s?\\b`,
);

// Checked in order: the first rule that matches wins, so specific phrases come before single words.
const RULES: Rule[] = [
  // Hedges keep the answer: « je crois que oui », « normalement non », « il me semble que oui ».
  [
    /^(?:euh |ben |bah |alors )?(?:je crois|je pense|il me semble|normalement|a priori|en principe|sauf erreur|je dirais|plutot)(?: bien)?(?: que)? (?:oui|si)\b/,
    'yes',
    0.85,
  ],
  [
    /^(?:euh |ben |bah |alors )?(?:je crois|je pense|il me semble|normalement|a priori|en principe|sauf erreur|je dirais|plutot)(?: bien)?(?: que)? (?:non|pas)\b/,
    'no',
    0.85,
  ],
  [
    /^(?:euh |ben |bah |alors )?(?:je (?:ne )?(?:crois|pense) pas|pas que je sache|a ma connaissance non|pas a ma connaissance|je ne crois pas|il me semble que non)\b/,
    'no',
    0.85,
  ],
  // « oui, jamais eu de souci »: a yes, then no trouble (the denial is of the trouble, not of the yes).
  [
    /^(?:oui|si|yes)\b.{0,30}\b(?:jamais|aucun|aucune|pas|sans|zero) (?:eu |connu |rencontre )?(?:de |d'|un |une )?(?:souci|probleme|panne|bug|incident|plainte|pepin|accroc)s?\b/,
    'yes',
    0.9,
  ],
  // Nothing left to do by hand is the good outcome of a tool that works: « je n'ai plus rien à ressaisir », « ça
  // tourne sans que j'aie à y toucher », « plus besoin de relancer ». Not « j'en ai rien à faire » (not caring).
  [
    /\b(?:(?:je n'ai|j'ai|on n'a|on a|nous n'avons|il n'y a|y a)(?: plus| jamais| strictement| absolument)? rien a (?:faire|saisir|ressaisir|taper|toucher|gerer|relancer|lancer|cliquer|copier|recopier)|sans (?:rien (?:faire|toucher)|que j'aie a|que je n'aie a|que j'ai a|avoir a)|plus besoin (?:de|d') ?(?:saisir|ressaisir|taper|recopier|relancer|y penser|y toucher|s'en occuper|m'en occuper|le faire)|(?:je n'ai|on n'a|j'ai|on a) plus a (?:saisir|ressaisir|taper|recopier|relancer|y penser|y toucher|m'en occuper|s'en occuper|le faire))\b/,
    'yes',
    0.85,
  ],
  // Contrasts: « moi non, mon associé oui », « sur les devis oui, le registre non » → partly.
  [
    /\b(?:oui|si)\b[^,;.]{0,40}[,;.]? .{0,60}\b(?:non|je (?:ne )?sais pas|pas sure?$|aucune idee)\b|\bnon\b[^,;.]{0,40}[,;.]? .{0,60}\b(?:oui|si)\b/,
    'partly',
    0.85,
  ],
  // A yes kept to one purpose, the rest denied or unknown: « pour la visibilité oui, pour le reste je ne vois pas ».
  [
    /\b(?:oui|si)\b.{0,60}\ble reste\b.{0,30}\b(?:non|pas|rien|aucune idee|bof)\b|\ble reste\b.{0,30}\b(?:non|pas|rien|aucune idee|bof)\b.{0,60}\b(?:oui|si)\b/,
    'partly',
    0.85,
  ],
  // Something shown that reality contradicts: « la fiche affiche fermé alors qu'on est ouvert » is there, but wrong.
  [
    /\b(?:dit|disent|indique|indiquent|affiche|affichent|marque|marquent|annonce|annoncent)\b.{0,60}\b(?:alors que|alors qu'|alors qu|mais en fait|mais en realite)\b/,
    'partly',
    0.85,
  ],
  // « pas vraiment » is a no, whatever explanation follows.
  [
    /^(?:non,? |euh |bof,? )?pas vraiment(?:$| (?:non|on|je|j'|nous|c'est|ca|car|parce|pas|mais|en fait|honnetement|franchement|pour l'instant|encore)\b)/,
    'no',
    0.9,
  ],
  // A bare hedge is a cautious yes: « je crois », « il me semble ».
  [
    /^(?:euh |ben |bah |alors )?(?:je crois|je pense|il me semble|normalement|a priori|en principe|j'imagine)(?: bien)?(?: oui)?$/,
    'yes',
    0.8,
  ],
  [/^non,? pas vraiment\b/, 'no', 0.9],
  // « bof, pas trop, on a d'autres soucis »: a softened no with its reason is a no (a « mais » may bring a partial yes).
  [
    /^(?:non,? |euh |bof,? )?pas (?:trop|tellement)(?: non)? (?:on|je|j'|nous|c'est|ca|car|parce|en fait|honnetement|franchement)\b/,
    'no',
    0.9,
  ],
  // « on a un fichier qu'on ne met jamais à jour »: something there, denied in the same breath.
  [
    /\b(?:on a|j'ai|nous avons|il y a|on en a|j'en ai)\b.{0,40}\b(?:qu'on|que je|qu'il|qu'elle|dont on|dont je|que personne) (?:ne |n')/,
    'partly',
    0.85,
  ],
  // « pas sur les tablettes »: an exception to a yes about several things, i.e. « en partie ».
  [
    /^(?:mais |sauf )?(?:pas|sauf) (?:sur|pour|dans) (?!(?:l'instant|le moment|l'heure|la vie|le coup)\b)(?:les|la|le|l'|mes|nos|certains|certaines|un|une)\b/,
    'partly',
    0.85,
  ],
  // « pas trop non », « non pas tellement »: a softened no is still a no.
  [/^(?:non,? |bof,? |euh )?pas (?:trop|tellement|specialement|franchement)(?: non)?$/, 'no', 0.9],
  // Something that existed and was dropped: « on en avait un mais il a fermé », « j'avais un site, arrêté ».
  [DROPPED, 'no', 0.85],
  // « je sais que ça existe mais je ne sais pas lequel »: something known, the rest not — a partial answer.
  [
    /^(?!(?:non|je ne sais|aucune idee)\b).{6,}\bmais (?:je |j' ?)?(?:ne |n')?(?:sais|connais|me souviens|m'en souviens|retiens) (?:pas|plus)\b/,
    'partly',
    0.85,
  ],
  // Not knowing what the thing is: « je ne sais pas ce que c'est » is a no to « avez-vous … ? ».
  [
    /\bje (?:ne )?(?:sais|vois) pas (?:ce que c'est|de quoi (?:il s'agit|vous parlez)|ce que (?:ca|cela) (?:veut dire|est))\b|^(?:je ne |je )?connais pas\b/,
    'no',
    0.85,
  ],
  // Held to be for others, bigger firms: « ça, c'est bon pour les grandes entreprises » is a no for one's own.
  [
    /\b(?:c'est|ca|cela|ce truc|ces trucs)(?: (?:plutot|surtout|bon|fait|reserve))? (?:pour|aux) (?:les )?(?:grosses|grandes|gros|grands) (?:boites|entreprises|societes|structures|groupes|boutiques)?/,
    'no',
    0.85,
  ],
  // Not seeing what it would be for: « je ne vois pas trop l'intérêt » is a no, not « je ne sais pas ».
  [
    /\b(?:je|on) (?:ne |n')?(?:vois|voit|en vois|en voit) pas (?:trop |bien |vraiment |tellement |tres bien )?(?:l'interet|l'utilite|a quoi (?:ca|cela|ils?|elles?) (?:sert|servirai[te]nt?|serai[te]nt?|pourrai[te]nt? servir|me servirait)|a quoi bon|pourquoi (?:faire|je le ferais|on le ferait))\b/,
    'no',
    0.85,
  ],
  // Not concerned (applies only when the question allows it; the caller decides).
  [
    /\b(?:pas|non|aucunement|ne (?:nous|me) (?:concerne|sommes|suis)) ?(?:\w+ ){0,2}concerne(?:e|s|es)?\b|\bne (?:nous|me|m'|n')? ?(?:concerne|concernent) pas\b|\bpas (?:applicable|pertinent|adapte) (?:a|pour) nous\b|\b(?:ca |cela )?(?:ne )?(?:nous|me) concerne(?:nt)? pas\b|\bsans objet\b|\bn ?\/ ?a\b|\bnon applicable\b|\bpas applicable\b|\bpas pour (?:nous|moi|mon activite)\b|\bca ne s'applique pas\b|\bhors sujet pour (?:nous|moi)\b|\bpas dans notre cas\b|\bpas de (?:local|boutique|magasin|clients? particuliers?)\b.*\b(?:donc|alors)\b|\bpas (?:de|d') ?(?:local|accueil|vitrine)\b|\b(?:ne|n') ?(?:recoit|recois|recevons|accueille|accueillons) (?:pas|personne|aucun|jamais)\b|\b(?:va|vais|allons|vont|me deplace|se deplace|nous deplacons|interviens|intervient|intervenons|travaille|travaillons) (?:directement |uniquement |seulement |toujours |surtout )?(?:chez (?:les|nos|mes) (?:clients|clientes|gens|particuliers|patients|patientes|personnes)|a domicile|au domicile)\b/,
    'not_concerned',
    0.9,
  ],
  [
    /\bje (?:ne )?(?:sais|saurais) (?:pas|plus|rien)|\bne sais pas\b|\baucune idee\b|\bpas d'idee\b|\bj'en sais rien\b|\bje n'en sais rien\b|\bj'en ai aucune idee\b|\bje (?:ne )?suis pas (?:sur|certain|certaine)\b|\bpas (?:tres |trop |bien )?sure?(?:$| (?:de|du|que|qu'))|\bbonne question\b|\bdifficile a dire\b|\bje (?:ne )?vois pas\b|\baucun(?:e)? (?:idee|notion)\b|\bje ne me rends pas compte\b|\bje l'ignore\b|^(?:euh |bah |ben )?peut-etre(?: pas| bien| oui| un jour| plus tard)?$|\bne saurais dire\b|\bje (?:ne )?me souviens (?:pas|plus)\b|\bje doute\b|^\?+$|\bj'hesite\b|\bmystere\b|\bvague idee\b/,
    'dont_know',
    0.9,
  ],
  // « je n'ai pas vraiment réfléchi », « pas trop en fait », « bof, pas trop regardé »: a softened denial is a no.
  [
    /^(?:non,? |bof,? |euh |ben )?pas (?:trop|tellement|vraiment|specialement) (?!(?:a jour|partout|tous|toutes|tout|sure?|certaine?)\b)[a-z]+(?:e|i|u|is|it)\b|\b(?:ne|n') ?(?:\S+ ){1,2}pas (?:vraiment|trop|tellement|specialement)\b(?! (?:a jour|partout|tous|toutes|tout))|^(?:non,? )?pas (?:trop|tellement|vraiment)(?: non)?(?: en fait| franchement| honnetement| pour l'instant)?$/,
    'no',
    0.85,
  ],
  // A whole message that is one denied verb (« on n'en a pas », « je ne le fais jamais »): a clear no.
  [
    /^(?:non,? )?(?:je|on|nous|il|elle|ce|ca|cela) (?:ne |n')(?:(?:en|y|le|la|les|l'|me|m'|nous|vous|se|s') ?){0,2}[a-z]+(?: (?:pas|jamais|rien|aucun|aucune))(?: (?:du tout|encore|vraiment|non|trop|pour l'instant|pour le moment|actuellement|en ce moment|cette annee|chez nous|ici))?$/,
    'no',
    0.9,
  ],
  // Nuanced answers.
  [
    /\bpas (?:vraiment|completement|totalement|tout a fait|entierement|toujours|systematiquement|tous|toutes|partout|assez|beaucoup|tres|trop|super|top|terrible|a jour|au point|fini|finie|termine|terminee)\b|\bplus ou moins\b|\ben partie\b|\bpartiellement\b|\ba moitie\b|\boui et non\b|\bca depend\b|\bmoyen(?:nement)?\b|\bbof\b|\bmouais\b|\bun peu\b(?! (?:de|d'|du|des)\b)|\bparfois\b|\bde temps (?:en temps|a autre)\b|\ben cours\b|\bon (?:y )?travaille\b|\bon commence\b|\b(?:on a|j'ai|nous avons) (?:commence|debute|entame)\b|\bon debute\b|\bca va venir\b|\brarement\b|\bcertain(?:e)?s\b|\bquelques(?:-un)?s?\b|\bdate (?:un peu|un brin|pas mal)\b|\bil date\b|\bvieillot\b|\ba peu pres\b|\bpresque\b(?! (?:plus|pas|rien|jamais|aucun|aucune|tout|toujours)\b)|\ben gros\b|\bsur le principe\b|\bpas encore tout\b|\bpas a 100\b|\bune partie\b|\bsur certains\b|\bpour certains\b|(?<!\bun )\bpeu\b|\bmoitie\b|\bon essaie\b|\bj'essaie\b|\bdans l'ensemble\b|\bpas mal\b|\ben theorie\b|\bquand j'ai le temps\b|\bquand j'y (?:pense|songe)$|\bquand (?:ca|cela) me (?:revient|prend)$|\bquand je m'en souviens$|\bquand j'ai un moment$|\ba l'occasion$|\bpas a fond\b|\bsans plus\b|\bvite fait\b|\bde loin en loin\b/,
    'partly',
    0.85,
  ],
  [
    /\b(?:on a|j'ai|nous avons|il y a|on les a|je l'ai|on l'a|c'est fait|existe|elle est|il est|on en a|j'en ai|cree|creee|creees|sont|elle est la|il est la)\b.{0,50}\bmais\b.{0,40}\b(?:pas|plus|jamais|aucun|aucune|que|qu'|sans|personne|rien|vieux|vieille|vieilles|anciens|anciennes|fausses|faux|perimees|perimes|datees|obsoletes)\b/,
    'partly',
    0.85,
  ],
  [
    /\b(?:oui|si|yes)\b.{0,40}\bmais\b.{0,60}\b(?:pas|plus|jamais|aucun|rien|peu|vieux|vieille|date|ancien|ancienne|incomplet|incomplete|obsolete|rarement|mal|seulement|uniquement|juste|que|qu'|sauf|certains|certaines)\b/,
    'partly',
    0.85,
  ],
  // Clear negatives, including negated affirmatives.
  [
    /\bbien (?:sur|entendu) que non\b|\b(?:absolument|certainement|surtout|vraiment|clairement|evidemment|franchement|toujours) pas\b|\bpas du tout\b|\bpas (?:le|la) moindre\b|\bjamais\b|\baucun(?:e)?\b|\bnon\b|\bnegatif\b|\bque dalle\b|\bnada\b|\bniet\b|\bpas question\b|\bpas encore\b|\bpas de\b|\bpas d'\b|\brien\b|\bnon plus\b|\bzero\b|\bpersonne\b/,
    'no',
    0.9,
  ],
  // Affirmatives.
  [
    /\b(?:oui|yes|absolument|evidemment|bien sur|bien entendu|tout a fait|exactement|carrement|certainement|effectivement|affirmatif|grave|naturellement|volontiers|completement|totalement|parfaitement|systematiquement|toujours|tout le temps|en effet|a fond|sans probleme|bien evidemment|c'est le cas|c'est fait|c'est bon|tres bien|d'accord|exact|entierement|forcement|assurement|biensur|clairement|et comment|oui oui|ok)\b/,
    'yes',
    0.9,
  ],
  [/^(?:ben |mais |bah )?si(?: si)*$/, 'yes', 0.9],
  // « peut-être » with nothing that answers beside it: not knowing.
  [/\bpeut-etre\b/, 'dont_know', 0.8],
  // Weaker cues: a bare negation, or an affirmative statement of having or doing it.
  [/\bpas\b|\bn'(?:ai|avons|a|est|utilise|utilisons|en)\b|\bne\b/, 'no', 0.7],
  [
    /\b(?:ca ne me (?:dit|parle) rien|ca ne me parle pas|je ne connais pas|connais pas|inconnu|rien mis en place|pas mis en place|pas fait)\b/,
    'no',
    0.8,
  ],
  [
    /\b(?:on a mis|j'ai mis|mis en place|on a installe|j'ai installe|installe|active|on passe par|je passe par|on travaille avec|je travaille avec|je me sers d|on se sert d|on s'appuie sur|grace a|on a fait|j'ai fait|nous avons fait)\b/,
    'yes',
    0.7,
  ],
  // « on a besoin d'un site », « j'ai envie de m'y mettre »: a need or a wish is not having or doing.
  [
    /\b(?:on l'a|je l'ai|nous l'avons|on les a|j'ai|on a|nous avons|on en a|j'en ai|nous en avons|il y a|c'est|on utilise|j'utilise|nous utilisons|on fait|je fais|nous faisons|on le fait|je le fais|beaucoup|souvent|regulierement|chaque|tous les|on s'en sert|je m'en sers|ca marche)\b(?! (?:(?:surtout|vraiment|juste|plutot|bien|aussi|encore|grand|tellement) )?(?:besoin|envie|du mal|peur|hate)\b)/,
    'yes',
    0.7,
  ],
];

/**
 * Read a yes/no-style answer. `allowNotConcerned` false maps « non concerné » to not understood
 * (the dialog then explains the question), as the option does not exist for that question.
 */
export function extractYesNo(text: string, allowNotConcerned = true): Extraction<YesNo> {
  const f = ` ${fold(text)
    .replace(/[!.,;:()«»"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `.trim();
  if (!f) return notUnderstood;
  for (const [re, value, confidence] of RULES) {
    if (!re.test(f)) continue;
    if (value === 'not_concerned' && !allowNotConcerned) return notUnderstood;
    return found(value, confidence);
  }
  return notUnderstood;
}
