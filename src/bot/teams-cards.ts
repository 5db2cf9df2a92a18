// What Microsoft Teams renders, checked on outgoing activities (used by teams-delivery.ts to warn,
// and by the Teams tests to fail):
// - Adaptive Cards up to version 1.5 (Teams' limit; Web Chat goes to 1.6):
//   learn.microsoft.com/microsoft-copilot-studio/guidance/adaptive-cards-overview;
// - Markdown in Adaptive Card TextBlocks: bold, italic, bullet and numbered lists, links only — no
//   headers, tables, images or code: learn.microsoft.com/adaptive-cards/create/textfeatures;
// - Markdown in text messages: no tables, no headers, no horizontal rules:
//   learn.microsoft.com/microsoftteams/platform/resources/bot-v3/bots-text-formats (all checked 2026-11-22).
import type { Activity, Attachment } from 'botbuilder';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
export const TEAMS_MAX_CARD_VERSION = '1.5';

const TABLE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m;
const HEADER = /^\s{0,3}#{1,6}\s/m;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/m;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/;
const CODE = /```|^( {4}|\t)\S/m;

/** Compares dotted versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number(n));
  const pb = b.split('.').map((n) => Number(n));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Problems in a message text (markdown Teams does not render). */
export function textProblems(text: string, where = 'text'): string[] {
  const problems: string[] = [];
  if (TABLE.test(text)) problems.push(`${where}: tableau markdown non rendu par Teams`);
  if (HEADER.test(text)) problems.push(`${where}: titre markdown (#) non rendu par Teams`);
  if (RULE.test(text)) problems.push(`${where}: ligne horizontale non rendue par Teams`);
  return problems;
}

/** Problems in one Adaptive Card: version above 1.5, markdown a TextBlock cannot render. */
export function adaptiveCardProblems(card: unknown, where = 'carte'): string[] {
  const problems: string[] = [];
  const c = card as { type?: unknown; version?: unknown } | null;
  if (!c || typeof c !== 'object' || c.type !== 'AdaptiveCard') return [`${where}: ce n'est pas une Adaptive Card`];
  if (typeof c.version !== 'string' || !/^\d+(\.\d+)*$/.test(c.version)) {
    problems.push(`${where}: version absente ou invalide`);
  } else if (compareVersions(c.version, TEAMS_MAX_CARD_VERSION) > 0) {
    problems.push(`${where}: version ${c.version} > ${TEAMS_MAX_CARD_VERSION} (limite de Teams)`);
  }
  walk(card, (node, path) => {
    const n = node as { type?: unknown; text?: unknown; title?: unknown; value?: unknown };
    const texts: Array<[string, unknown]> =
      n.type === 'TextBlock'
        ? [['text', n.text]]
        : /\.facts\[\d+\]$/.test(path)
          ? [
              ['title', n.title],
              ['value', n.value],
            ]
          : [];
    for (const [field, value] of texts) {
      if (typeof value !== 'string') continue;
      const at = `${where} ${path}.${field}`;
      problems.push(...textProblems(value, at).filter((p) => !p.includes('ligne horizontale')));
      if (IMAGE.test(value)) problems.push(`${at}: image markdown non rendue dans une carte`);
      if (CODE.test(value)) problems.push(`${at}: bloc de code non rendu dans une carte`);
    }
  });
  return problems;
}

/** Everything in an outgoing activity that Teams would not render as intended. */
export function teamsRenderingProblems(activity: Partial<Activity>): string[] {
  const problems: string[] = [];
  if (typeof activity.text === 'string' && activity.textFormat !== 'plain') problems.push(...textProblems(activity.text));
  (activity.attachments ?? []).forEach((a: Attachment, i: number) => {
    if (a.contentType === ADAPTIVE_CARD) problems.push(...adaptiveCardProblems(a.content, `pièce jointe ${i}`));
  });
  return problems;
}

function walk(node: unknown, visit: (node: object, path: string) => void, path = '$'): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, visit, `${path}[${i}]`));
  } else if (node && typeof node === 'object') {
    visit(node, path);
    for (const [key, child] of Object.entries(node)) {
      if (child && typeof child === 'object') walk(child, visit, `${path}.${key}`);
    }
  }
}
