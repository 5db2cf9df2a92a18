// Shared by the report tests: the stored result fixtures (made by the real buildResult, see
// scripts/report-fixtures.ts), test links, and a reader for the text of an uncompressed pdfkit PDF.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/paths.js';
import type { DiagnosticResult } from '../../../src/diagnostic/result.js';
import type { ReportLinks } from '../../../src/diagnostic/report/card.js';

export const FIXTURES = ['artisan-sans-site', 'boutique-facebook', 'pme-ecommerce-sans-sauvegarde'] as const;

export function fixtureResult(name: (typeof FIXTURES)[number]): DiagnosticResult {
  const file = path.join(projectRoot, 'test', 'fixtures', 'diagnostic', `result-${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as DiagnosticResult;
}

export const links: ReportLinks = {
  chartUrl: 'https://virage.example.fr/diagnostic/AAAAAAAAAAAAAAAAAAAAAA/radar.png',
  pdfUrl: 'https://virage.example.fr/diagnostic/AAAAAAAAAAAAAAAAAAAAAA/rapport.pdf',
  guideUrl: (slug) => `https://virage.example.fr/guides/${slug}`,
};

/** WinAnsi bytes 0x80–0x9F back to Unicode (the rest is Latin-1). */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x8c: 'Œ',
  0x9c: 'œ',
};

/** Text shown by an uncompressed PDF written by pdfkit (hex strings inside TJ arrays), one entry per line. */
export function pdfLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const [, array] of raw.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let line = '';
    for (const [, hex] of array.matchAll(/<([0-9a-fA-F]*)>/g)) {
      for (let i = 0; i < hex.length; i += 2) {
        const byte = parseInt(hex.slice(i, i + 2), 16);
        line += WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** All the PDF's text with whitespace removed, for searching sentences that may wrap. */
export function pdfCompactText(pdf: Buffer): string {
  return pdfLines(pdf).join('').replace(/\s+/g, '');
}

export const compact = (s: string) => s.replace(/\s+/g, '');
