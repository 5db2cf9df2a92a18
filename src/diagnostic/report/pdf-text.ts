// pdfkit's built-in Helvetica writes text in WinAnsi: Latin-1 plus « € œ Œ ’ ‘ “ ” – — … • ». Anything else
// would print as garbage, so it is replaced here by its closest WinAnsi form (or dropped for emoji).

/** Code points beyond Latin-1 that WinAnsi has (pdfkit's WIN_ANSI_MAP). */
const WIN_ANSI_EXTRA = new Set([
  0x192, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x20ac, 0x2030, 0x2039, 0x203a,
  0x2c6, 0x2122, 0x152, 0x153, 0x2dc, 0x160, 0x161, 0x178, 0x17d, 0x17e,
]);

const REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French typography) → no-break space
  '\u2009': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '✓': '',
  '\u2032': "'",
};

/** True when Helvetica (WinAnsi) can print this character. */
export function isWinAnsi(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp) || ch === '\n';
}

/** Text that pdfkit's Helvetica prints as written: known look-alikes replaced, accents kept, emoji dropped. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isWinAnsi(ch)) out += ch;
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (ch === '\t') out += ' ';
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base && [...base].every(isWinAnsi)) out += base;
    }
  }
  return out.replace(/ {2,}/g, ' ');
}
