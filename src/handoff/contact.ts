// Checks of the contact details a user types, with the French reprompt to show when they are wrong.

export type Checked = { ok: true; value: string } | { ok: false; reprompt: string };

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$/;

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
      reprompt:
        what === 'nom'
          ? 'Pouvez-vous m’indiquer votre nom (2 à 120 caractères) ?'
          : 'Pouvez-vous m’indiquer le nom de votre entreprise (2 à 120 caractères) ?',
    };
  }
  return { ok: true, value: s };
}

/** The reason of the request, in the user's words: 3 to 1 000 characters. */
export function checkReason(input: string): Checked {
  const s = input.trim();
  if (s.length < 3) return { ok: false, reprompt: 'En quelques mots, sur quel sujet souhaitez-vous échanger avec un conseiller ?' };
  if (s.length > 1000)
    return { ok: false, reprompt: 'Votre message est un peu long : pouvez-vous le résumer en moins de 1 000 caractères ?' };
  return { ok: true, value: s };
}

/** What one message gives of a contact form: « Jean Dupont, jean@exemple.fr, 06 12 34 56 78 ». */
export interface ContactParts {
  email?: string;
  phone?: string;
  /** The other pieces, in order (name, then company), with the e-mail and phone taken out. */
  names: string[];
}

const EMAIL_IN_TEXT = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/;
const PHONE_IN_TEXT = /(?:\+33\s?(?:\(0\)\s?)?|0033\s?|0)[1-9](?:[\s.\-/]?\d{2}){4}/;
// Words around the pieces (« je suis », « mon mail : », « de la société »), set aside.
const LEAD_WORDS =
  /^(?:je (?:suis|m'appelle|m’appelle)|moi c'est|moi c’est|c'est|c’est|mon nom(?: est)?|nom|mon (?:mail|e-?mail|adresse|numéro|numero|tel|tél|téléphone|telephone)(?: est)?|e-?mail|mail|tel|tél|téléphone|telephone|portable|société|societe|entreprise|de la (?:société|societe|boulangerie|boutique|maison)|(?:pour|chez) (?:la société|la societe)?|et|à|:|-)\s*/i;

export function parseContactParts(text: string): ContactParts {
  let rest = text.trim();
  const out: ContactParts = { names: [] };
  const email = EMAIL_IN_TEXT.exec(rest);
  if (email) {
    const checked = checkEmail(email[0]);
    if (checked.ok) out.email = checked.value;
    rest = rest.replace(email[0], ',');
  }
  const phone = PHONE_IN_TEXT.exec(rest);
  if (phone) {
    const checked = checkPhone(phone[0]);
    if (checked.ok) out.phone = checked.value;
    rest = rest.replace(phone[0], ',');
  }
  for (let piece of rest.split(/[,;\n]+|\s+(?:et|de la société|chez)\s+/i)) {
    piece = piece.trim();
    for (let prev = ''; prev !== piece;) {
      prev = piece;
      piece = piece.replace(LEAD_WORDS, '').trim();
    }
    piece = piece.replace(/[.!:]+$/, '').trim();
    if (piece && checkName(piece).ok) out.names.push(piece);
  }
  return out;
}
