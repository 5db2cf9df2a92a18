// Profile facts said in an opening message (issue 10, point 3: information given earlier is reused): the trade
// named by « entreprise de… », « gérant d'une SAS de… », a head count given by people's roles, a number that is
// a département, the kind of customers. Our own sentences.
import { factsIn } from '../../src/diagnostic/reading.js';
import { readingContext } from '../helpers/reading.js';

const facts = (text: string) =>
  Object.fromEntries(factsIn([text], readingContext()).map((f) => [f.questionId, f.answer as unknown as Record<string, unknown>]));

describe('facts said before the diagnostic starts', () => {
  it('reads the trade of a firm introduced by its legal form or « entreprise de »', () => {
    expect(facts('Bonjour, gérant d’une SAS de transport à Rouen')).toMatchObject({ profil_secteur: { value: 'transports' } });
    expect(facts('Entreprise de nettoyage de bureaux, Lille')).toMatchObject({ profil_secteur: { value: 'services_entreprises' } });
    expect(facts('jsuis fleuriste a Dax')).toMatchObject({ profil_secteur: { value: 'commerce' } });
    // Two trades read: the one said of oneself wins over the place where it is done.
    expect(facts('je suis orthoptiste, on loue un cabinet à Brive')).toMatchObject({ profil_secteur: { value: 'sante_social' } });
  });

  it('counts the people named by their roles, not a département said with « dans le »', () => {
    expect(facts('on fait du transport frigorifique à Rennes, 25 chauffeurs')).toMatchObject({ profil_effectif: { value: '10-49' } });
    expect(facts('je suis toiletteuse à domicile dans le 34, toute seule')).toMatchObject({
      profil_effectif: { value: '0' },
      profil_localisation: { departement: '34' },
    });
  });

  it('reads the kind of customers said with the rest', () => {
    expect(facts('on est une petite menuiserie à Vannes, nos clients sont surtout des particuliers')).toMatchObject({
      profil_clientele: { value: 'b2c' },
    });
    expect(facts('cabinet de conseil à Lyon, que des clients professionnels')).toMatchObject({ profil_clientele: { value: 'b2b' } });
  });
});
