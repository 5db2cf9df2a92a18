import { loadContent } from '../../src/content/index.js';
import { createNlu } from '../../src/nlu/index.js';
import { communeDepartement } from '../../src/nlu/extract/communes.js';

const nlu = createNlu(loadContent().nlu);
const dep = (text: string) => {
  const r = nlu.extract(text, { type: 'location' });
  return r.ok && r.value.type === 'location' ? r.value.value.departement : undefined;
};

describe('towns beyond the main cities (communes of 1 000 inhabitants or more)', () => {
  it.each([
    ['nous sommes installés à Concarneau depuis vingt ans', '29'],
    ['atelier de ferronnerie a la seyne sur mer, deux compagnons', '83'],
    ['pres de Montbrison', '42'],
    ['Lamballe-Armor', '22'],
    ['on est à Mer, entre Blois et Orléans', '41'],
  ])('« %s » → %s', (text, code) => {
    expect(dep(text)).toBe(code);
  });

  it('reads a town only where a place is said, and never a common word as a small town', () => {
    expect(communeDepartement('on a Orange comme opérateur')).toBeUndefined();
    expect(communeDepartement('deux enfants à charge')).toBeUndefined();
    expect(communeDepartement('le port de plaisance')).toBeUndefined();
    expect(communeDepartement('on part à la mer en août')).toBeUndefined();
    expect(dep('on travaille sur le port')).toBeUndefined();
  });

  it('leaves a name shared by towns of similar size unread', () => {
    // Saint-Louis: La Réunion and Haut-Rhin are both large.
    expect(communeDepartement('nous sommes à Saint-Louis')).toBeUndefined();
  });
});
