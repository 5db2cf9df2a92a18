// Checks of the contact details a user types, with the French reprompt to show when they are wrong.

export type Checked = { ok: true; value: string } | { ok: false; reprompt: string };

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$/;

/** An e-mail address (trimmed, lower-cased domain). « contact@boulangerie-dupont.fr » */
export function checkEmail(input: string): Checked {
  const s = input.trim().replace(/^mailto:/i, '');
  if (s.length > 254 || !EMAIL.test(s) || s.includes('..')) {
    return {
      ok: false,
      reprompt: 'Cette adresse e-mail ne semble pas valide. Pouvez-vous la vérifier ? Par exemple : prenom.nom@entreprise.fr',
    };
  }
  const at = s.lastIndexOf('@');
  return { ok: true, value: s.slice(0, at) + '@' + s.slice(at + 1).toLowerCase() };
}

/**
 * A French phone number: 0X XX XX XX XX, with spaces, dots or dashes, or +33 / 0033 (the leading
 * 0 dropped, sometimes written « +33 (0)6 »). Returned in the national form « 06 12 34 56 78 ».
 */
export function checkPhone(input: string): Checked {
  let s = input.trim().replace(/[\s.\-/]/g, '');
  s = s.replace(/^\+33\(0\)/, '+33').replace(/^0033/, '+33');
  if (s.startsWith('+33')) s = '0' + s.slice(3);
  if (!/^0[1-9]\d{8}$/.test(s)) {
    return {
      ok: false,
      reprompt: 'Ce numéro de téléphone ne semble pas valide. Indiquez 10 chiffres, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.',
    };
  }
  return { ok: true, value: s.replace(/(\d{2})(?=\d)/g, '$1 ') };
}

/** A person's or company's name: 2 to 120 characters, with at least one letter. */
export function checkName(input: string, what: 'nom' | 'entreprise' = 'nom'): Checked {
  const s = input.trim().replace(/\s+/g, ' ');
  if (s.length < 2 || s.length > 120 || !/\p{L}/u.test(s)) {
    return {
      ok: false,
      reprompt: what === 'nom' ? 'Pouvez-vous m’indiquer votre nom (2 à 120 caractères) ?' : 'Pouvez-vous m’indiquer le nom de votre entreprise (2 à 120 caractères) ?',
    };
  }
  return { ok: true, value: s };
}

/** The reason of the request, in the user's words: 3 to 1 000 characters. */
export function checkReason(input: string): Checked {
  const s = input.trim();
  if (s.length < 3) return { ok: false, reprompt: 'En quelques mots, sur quel sujet souhaitez-vous échanger avec un conseiller ?' };
  if (s.length > 1000) return { ok: false, reprompt: 'Votre message est un peu long : pouvez-vous le résumer en moins de 1 000 caractères ?' };
  return { ok: true, value: s };
}
