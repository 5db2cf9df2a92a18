// What a message asks back at a diagnostic question (issue 10, point 1): a question about the diagnostic
// question itself (its meaning, what it covers, whether it is required, whether something counts) waits for
// its answer, even with an explanation after it; an answer followed by a short question stays an answer; a
// request to skip said as a question skips, whatever reason follows; a request to wait stores nothing.
// Our own sentences.
import { read, stored } from '../helpers/reading.js';

describe('questions asked back at a diagnostic question', () => {
  test.each([
    // Whether something counts, with the case told after the question.
    ['ia_usage', 'Est-ce que la correction automatique du téléphone ça compte ? Je m’en sers tous les jours pour mes messages.'],
    ['vente_fichier_clients', 'Mon agenda papier, vous le comptez comme un fichier ? Il y a les noms et les numéros dedans.'],
    ['cyber_sauvegarde', 'Une clé USB dans le tiroir, vous la considérez comme une sauvegarde ?'],
    // What the question means or covers.
    ['presence_reseaux', 'Vous parlez des comptes de la boutique ou des miens ? J’ai un Facebook perso aussi.'],
    ['ia_automatisation', 'Qu’est-ce que vous entendez exactement par tâche automatisée ? Chez nous tout se fait encore à la main.'],
    ['cyber_mots_de_passe', 'Quelle différence entre un mot de passe et un code PIN ? Moi je mets le même code partout.'],
    // Whether it is required, with the firm's case after.
    [
      'gestion_facture_electronique',
      'La facture électronique, c’est obligatoire même pour un auto-entrepreneur ? Je n’ai rien préparé du tout.',
    ],
  ])('%s « %s » is a question', (id, text) => {
    expect(read(id, text).kind).toBe('question');
  });

  test('a plain « non » said right after a question about scope still answers', () => {
    expect(stored('vente_fichier_clients', 'Un carnet, ça compte comme fichier ? non de toute façon on n’a rien')).toEqual({
      type: 'yesno',
      value: 'no',
    });
  });

  test('an answer said first, then a short question: the answer is kept', () => {
    const r = read('presence_google', 'Pas encore créée. Ce serait utile ?');
    expect(r.kind).toBe('answer');
    expect(r.kind === 'answer' && r.main.answer).toEqual({ type: 'yesno', value: 'no' });
  });

  test('a request to skip said first, with its reason after, skips', () => {
    expect(read('cyber_incident', 'On saute celle-ci ? Je préfère ne pas m’étendre là-dessus.')).toEqual({
      kind: 'command',
      command: 'passer',
    });
  });

  test('a request to wait stores nothing', () => {
    expect(read('vente_fichier_clients', 'pardon, le téléphone sonne, une minute').kind).toBe('wait');
    expect(read('cyber_sauvegarde', 'je reviens, j’ai un livreur').kind).toBe('wait');
    // « attendez » opening an answer is not a wait.
    expect(stored('vente_fichier_clients', 'attendez, oui on a un fichier Excel de tous nos clients')).toEqual({
      type: 'yesno',
      value: 'yes',
    });
  });
});
