// The general readings added to raise understanding beyond the tuned corpus (issue 10): SMS shorthand,
// softened and dropped no's, partial knowledge, hedged figures, full phrasings over generic words,
// restrictions, and a longer phrase holding a shorter one. Our own sentences, never the corpus's.
import { extractYesNo } from '../../src/nlu/index.js';
import { matchOptions, prepareOptions, withoutSubsumed } from '../../src/nlu/extract/matcher.js';
import { read, stored, readingContext } from '../helpers/reading.js';

const yesNo = readingContext().nlu.words.yesNo;

describe('general readings at a diagnostic question', () => {
  test.each([
    // SMS shorthand reaches the phrasings (« mdp », « quasi », « /sem »).
    ['cyber_mots_de_passe', 'le même mdp pour tous les comptes', { type: 'yesno', value: 'no' }],
    ['profil_temps', 'quasi pas', { type: 'choice', value: 'aucun' }],
    ['profil_temps', '3h/sem', { type: 'choice', value: 'demi-journee' }],
    // A softened no is a no; something dropped is a no.
    ['competences_formation', 'non, pas tellement', { type: 'yesno', value: 'no' }],
    ['presence_site', "j'avais un site mais il a expiré", { type: 'choice', value: 'non' }],
    // Dropped once, but something done since: not a plain no.
    [
      'cyber_rgpd',
      'on avait fait une fiche en 2019, depuis plus rien, les mentions sont quand même sur nos devis',
      { type: 'yesno', value: 'partly' },
    ],
    // Tried, then given up, is a no to a yes/no question, whatever the option phrasings name.
    ['ia_automatisation', "on a testé l'envoi automatique des rappels de devis, puis on a laissé tomber", { type: 'yesno', value: 'no' }],
    // Something known, the rest forgotten: a partial answer, not « je ne sais pas ».
    ['competences_financement', "on m'a cité un organisme mais je ne me souviens plus du nom", { type: 'yesno', value: 'partly' }],
    // A hedge keeps the figure said with it.
    ['profil_budget', 'je ne sais pas trop, peut-être 800 €', { type: 'money', amount: 800, period: 'year' }],
    // Everything on the PC is no backup away from the premises.
    ['cyber_sauvegarde', 'les fichiers sont sur le pc', { type: 'choice', value: 'non' }],
    // « nop » is SMS for non; « encor » a typo of « encore ».
    ['cyber_rgpd', 'nop rien fait', { type: 'yesno', value: 'no' }],
    ['ia_usage', 'pas encor mais faudrait que je regarde', { type: 'choice', value: 'envisage' }],
    // Not knowing, then naming who handles it (« qui s'occupe de … »), with a guess after: « je ne sais pas ».
    [
      'cyber_mises_a_jour',
      "je sais pas, c'est l'informaticien qui s'occupe des ordis, sans doute que c'est automatique",
      { type: 'dontknow' },
    ],
    // A kind of customers given most of the share in figures is the answer, whoever the rest are.
    ['profil_clientele', 'des particuliers à 85 %, sinon quelques boulangeries', { type: 'choice', value: 'b2c' }],
    ['profil_clientele', '70 % de particuliers et 30 % de pros', { type: 'choice', value: 'mixte' }],
    // A full phrasing beats a generic yes/no word (« plus » here is a good habit, not a denial).
    ['ia_sobriete', "on n'imprime plus les factures", { type: 'yesno', value: 'yes' }],
    // A restriction to part of a several-part question is « en partie »; a restricted no stays a no.
    ['cyber_mises_a_jour', 'sur les ordinateurs uniquement', { type: 'yesno', value: 'partly' }],
    ['strategie_indicateurs', 'juste les visites du site', { type: 'yesno', value: 'partly' }],
    ['gestion_logiciel_factures', 'juste un tableur', { type: 'yesno', value: 'no' }],
    // A phrasing of « en partie » qualifies the words beside it.
    ['competences_financement', 'vaguement, il y a un OPCO je crois', { type: 'yesno', value: 'partly' }],
    // A longer phrase holds the shorter option words inside it: « le site de la mairie » is not a site of one's own.
    ['presence_site', 'on a juste une page sur le site de la mairie', { type: 'choice', value: 'page_annuaire' }],
    // Descriptions written as a CCI would.
    ['profil_clientele', 'surtout des estivants', { type: 'choice', value: 'b2c' }],
    ['profil_secteur', 'je fais de la vente à distance de thés', { type: 'sector', value: 'commerce' }],
    ['strategie_pilote', 'des bénévoles', { type: 'choice', value: 'identifie' }],
    // « ne … pas » denies the verb it surrounds; a phrasing that states a negation matches only a denial.
    ['ia_usage', "ça ne m'intéresse pas du tout", { type: 'choice', value: 'non' }],
    ['presence_site', 'oui on a un site', { type: 'choice', value: 'oui' }],
    // A plain no picks the option that says nothing is done (« Personne », « Rien de prévu », « Presque pas »).
    ['strategie_pilote', 'non, on ne fait rien', { type: 'choice', value: 'personne' }],
    ['gestion_facture_electronique', 'non', { type: 'choice', value: 'rien_prevu' }],
    // Not knowing what the thing is, is a no; a denied verb to « combien » is none.
    ['presence_google', "je ne vois pas de quoi il s'agit", { type: 'yesno', value: 'no' }],
    ['presence_reseaux', 'je ne poste nulle part', { type: 'number', value: 0 }],
    // « pas sûr » is a doubt, « pas sur les téléphones » is a place.
    ['cyber_mises_a_jour', 'pas sur les tablettes', { type: 'yesno', value: 'partly' }],
    // A story: how things are now is the answer, not how they were.
    ['profil_effectif', "au départ on était une dizaine, aujourd'hui on n'est plus que quatre avec moi", { type: 'size', value: '1-4' }],
    [
      'presence_site',
      'on avait un site il y a quelques années, maintenant on a juste une page facebook',
      { type: 'choice', value: 'page_annuaire' },
    ],
    [
      'cyber_sauvegarde',
      'avant on ne sauvegardait rien, désormais tout part chaque nuit sur un disque chez moi et dans le cloud',
      { type: 'choice', value: 'oui_sans_test' },
    ],
    // Head counts in words add up.
    ['profil_effectif', 'trois maçons et deux apprentis', { type: 'size', value: '5-9' }],
    // Negation without « ne »: the verb is denied as with it; a whole message that is one denied verb is a no.
    ['cyber_sauvegarde', 'on copie rien nulle part', { type: 'choice', value: 'non' }],
    ['presence_site', "j'en ai pas", { type: 'choice', value: 'non' }],
    ['vente_part_ca', 'on en fait pas, tout se passe en magasin', { type: 'percent', value: 0 }],
    ['profil_budget', 'il y en a pas cette année', { type: 'money', amount: 0, period: 'year' }],
    // A time given in the unit of an option's own label (« plusieurs jours par mois ») picks that option;
    // other durations are converted to hours per week (half hours, fortnights, weekdays, « hebdo »).
    ['profil_temps', 'trois jours par mois, avec mon associé', { type: 'choice', value: 'dedie' }],
    ['profil_temps', 'une demi heure chaque jour', { type: 'choice', value: 'peu' }],
    ['profil_temps', 'une matinée tous les quinze jours', { type: 'choice', value: 'peu' }],
    ['profil_temps', 'le mardi après midi', { type: 'choice', value: 'demi-journee' }],
    ['profil_temps', 'deux heures hebdo', { type: 'choice', value: 'peu' }],
    // A phrasing inside a longer one is not named apart; « le même … » keeps its « même ».
    ['cyber_mots_de_passe', 'un gestionnaire de mots de passe, et la double authentification partout', { type: 'yesno', value: 'yes' }],
    // A function word is never corrected into an option word (« mais » is not « mails »).
    ['ia_usage', "ça me tente mais je n'ai pas encore essayé", { type: 'choice', value: 'envisage' }],
    // A no that is not yet, with a plan after it, is the step of considering it — only where there is such a step.
    ['ia_usage', "non, mais on va s'y mettre", { type: 'choice', value: 'envisage' }],
    ['presence_site', 'pas encore, mais on va en créer un', { type: 'choice', value: 'non' }],
    ['cyber_sauvegarde', "pas encore, mais je compte m'en occuper", { type: 'choice', value: 'non' }],
    // « on verra » is the question's own option of nothing: no plan after all.
    ['gestion_facture_electronique', 'pas encore, on verra quand ce sera obligatoire', { type: 'choice', value: 'rien_prevu' }],
    // A yes lacking something (« sans », « il manque ») is a partial yes; a subscription not renewed is dropped.
    ['presence_google', 'oui mais sans les horaires', { type: 'yesno', value: 'partly' }],
    ['presence_google', 'oui mais il manque les photos', { type: 'yesno', value: 'partly' }],
    ['presence_site', "on avait un site, l'abonnement n'a pas été renouvelé", { type: 'choice', value: 'non' }],
    // A sure no is not overridden by the question's own topic word taken up (« formation … jamais »).
    ['competences_formation', "la formation moi je n'ai jamais eu le temps", { type: 'yesno', value: 'no' }],
    // « Au moins une tâche ? »: one part said « oui » is something done, whatever is still done by hand.
    [
      'ia_automatisation',
      'oui pour les rappels de rendez-vous, par contre les devis je les relance à la main',
      { type: 'yesno', value: 'yes' },
    ],
    // Tried, then dropped, is the option of having tried where there is one (« J'ai essayé »), not « Non ».
    ['ia_usage', "j'ai testé un générateur de textes l'an dernier, depuis plus rien", { type: 'choice', value: 'teste' }],
    ['ia_usage', 'on a essayé, puis laissé tomber', { type: 'choice', value: 'teste' }],
    // Money not got back is an incident still under way.
    ['cyber_incident', "un faux RIB le mois dernier, on a payé dessus et on n'a rien récupéré", { type: 'choice', value: 'oui_en_cours' }],
    // Who has left is not counted.
    ['profil_effectif', 'seule depuis le départ de mon apprentie', { type: 'size', value: '0' }],
    ['profil_effectif', "on est quatre, mon associé est parti à la retraite l'an dernier", { type: 'size', value: '1-4' }],
    // Where the firm is comes before « mais »; where it works after (unless the first is denied or only a région).
    ['profil_localisation', 'le 44 mais on intervient surtout en Vendée', { type: 'location', departement: '44', region: '52' }],
    ['profil_localisation', 'pas à Lyon mais à Villeurbanne', { type: 'location', departement: '69', region: '84' }],
    ['profil_localisation', 'en Bretagne mais près de Rennes', { type: 'location', departement: '35', region: '53' }],
    // « résa » is SMS for réservation.
    ['vente_en_ligne', 'les clients font leur résa sur le site', { type: 'multi', values: ['reservation'] }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });

  test('a yes or no of the rules gives way to the opposite learned reading of 0.99, said back; never against a structure', () => {
    // The rules read « je ne fais rien » as a no; the learned reader is all but sure that statements sent on their own
    // to the accountant are an automated task.
    const r = read('ia_automatisation', 'les relevés arrivent directement chez le comptable, moi je ne fais rien');
    expect(r.kind === 'answer' && r.unsure && r.main.answer).toEqual({ type: 'yesno', value: 'yes' });
    // It knows no dates: four years ago is outside « ces deux dernières années », whatever it reads.
    expect(stored('competences_formation', 'oui une formation Google il y a 4 ans')).toEqual({ type: 'yesno', value: 'no' });
    // Not knowing to « savez-vous… ? » is a no; its « je ne sais pas » does not overrule it.
    expect(stored('competences_financement', 'aucune idée, je découvre')).toEqual({ type: 'yesno', value: 'no' });
  });

  test("« c'est » says nothing by itself: « c'est compliqué » is not a yes", () => {
    for (const id of ['competences_financement', 'cyber_rgpd', 'ia_automatisation'])
      expect(stored(id, "c'est compliqué")).not.toEqual({ type: 'yesno', value: 'yes' });
  });

  test('a choice question whose own words are taken up asks between its « Oui, … » options', () => {
    // (when the learned reader is not sure of one of them either: it is unsure here)
    const r = read('cyber_incident', 'un virus sur un poste');
    expect(r.kind).toBe('choose');
    if (r.kind === 'choose')
      expect(r.candidates.map((c) => c.answer)).toEqual([
        { type: 'choice', value: 'oui_regle' },
        { type: 'choice', value: 'oui_en_cours' },
      ]);
  });
});

describe('the pieces underneath', () => {
  it('expands SMS shorthand', () => {
    expect(readingContext().nlu.normalize('mdp oublié').text).toBe('mot de passe oublié');
    expect(readingContext().nlu.normalize('quasiment rien').text).toBe('presque rien');
    expect(readingContext().nlu.normalize('2h/sem').text).toBe('2h/semaine');
  });

  test.each([
    ['pas trop non', 'no'],
    ['non pas tellement', 'no'],
    ["on avait une fiche mais on l'a supprimée", 'no'],
    ['je connais le CPF mais je ne sais pas comment faire', 'partly'],
    ['elle existe mais sans photos', 'partly'],
    ['je ne sais pas du tout', 'dont_know'],
  ])('yes/no « %s » is %s', (text, value) => {
    const r = extractYesNo(text, yesNo);
    expect(r.ok && r.value).toBe(value);
  });

  it('matches a phrase that states a negation only where the message denies it', () => {
    const p = prepareOptions([
      { id: 'stopped', phrases: ["n'affiche plus"] },
      { id: 'shows', phrases: ['affiche'] },
    ]);
    const ids = (t: string) =>
      matchOptions(t, p)
        .filter((h) => !h.negated && h.score === 1)
        .map((h) => h.id)
        .sort();
    expect(ids("on n'affiche plus les prix")).toEqual(['stopped']);
    expect(ids('on affiche les prix')).toEqual(['shows']);
  });

  it('drops an option hit held inside a longer one, keeps separate ones', () => {
    const p = prepareOptions([
      { id: 'a', phrases: ['disque dur'] },
      { id: 'b', phrases: ['disque dur au garage'] },
      { id: 'c', phrases: ['cloud'] },
    ]);
    const ids = (t: string) =>
      withoutSubsumed(matchOptions(t, p).filter((h) => h.score === 1))
        .map((h) => h.id)
        .sort();
    expect(ids('un disque dur au garage')).toEqual(['b']);
    expect(ids('un disque dur et le cloud')).toEqual(['a', 'c']);
  });
});

describe('the speaker named as an employee, a status qualified as salaried (devg)', () => {
  test.each([
    // « moi » said on behalf of the firm's head is an employee in charge, not the dirigeant.
    ['strategie_pilote', "c'est moi qui tiens les réseaux et le site, à la place de la gérante", { type: 'choice', value: 'identifie' }],
    ['strategie_pilote', 'moi, le soir après la fermeture', { type: 'choice', value: 'moi_au_fil' }],
    // A manager's title qualified as salaried, or as not salaried.
    ['profil_statut', 'cogérant salarié de la société', { type: 'choice', value: 'dirigeant-salarie' }],
    ['profil_statut', 'gérante non salariée', { type: 'choice', value: 'tns-commerce' }],
  ])('%s « %s »', (id, text, expected) => {
    expect(stored(id, text)).toEqual(expected);
  });
});
