// HTML pages of the guides: /guides (list) and /guides/<slug>. Markdown is rendered by marked and the
// result sanitised by sanitize-html (https links only, no scripts, styles or event attributes); every
// other text is escaped. Simple, readable, French, no JavaScript.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { Guide } from '../knowledge/guides.js';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'a',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'br',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
  allowedSchemes: ['https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Safe HTML of a Markdown text (https links only). */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, SANITIZE);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 22 novembre 2026 » from 2026-11-22 (the text itself when it is not such a date). */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])}${m[3] === '01' ? 'er' : ''} ${month} ${m[1]}` : iso;
}

export interface PageLook {
  title: string;
  color: string;
}

const DEFAULT_LOOK: PageLook = { title: 'Virage — CCI', color: '#0b5394' };

function layout(look: PageLook, pageTitle: string, main: string): string {
  const color = /^#[0-9a-fA-F]{6}$/.test(look.color) ? look.color : DEFAULT_LOOK.color;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle)} — ${escapeHtml(look.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.6;color:#1f2328;margin:0;background:#fafafa}
header{background:${color};color:#fff;padding:.8rem 1.2rem}
header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:46rem;margin:0 auto;padding:1.2rem;background:#fff}
h1{font-size:1.7rem;line-height:1.3;color:${color}}
h2{font-size:1.25rem;margin-top:2rem;color:${color}}
a{color:${color}}
.summary{font-size:1.08rem;border-left:4px solid ${color};padding-left:.9rem}
.meta,.sources{font-size:.92rem;color:#57606a}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3rem .5rem}
.back{display:inline-block;margin:1rem 0}
ul.guides li{margin:.5rem 0}
</style>
</head>
<body>
<header><a href="/guides">${escapeHtml(look.title)} · Guides</a></header>
<main>
${main}
</main>
</body>
</html>
`;
}

export function guidePage(guide: Guide, look: PageLook = DEFAULT_LOOK): string {
  const sections = guide.sections
    .map((s) => `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${renderMarkdown(s.text)}\n</section>`)
    .join('\n');
  const sources = guide.sources
    .filter((s) => /^https:\/\//.test(s.url))
    .map((s) => {
      const checked = s.checked ? ` (consulté le ${escapeHtml(frenchDate(s.checked))})` : '';
      return `<li><a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.title)}</a>${checked}</li>`;
    })
    .join('\n');
  const main = `<a class="back" href="/guides">← Retour aux guides</a>
<article>
<h1>${escapeHtml(guide.title)}</h1>
<p class="summary">${escapeHtml(guide.summary)}</p>
<p class="meta">Mis à jour le ${escapeHtml(frenchDate(guide.updated))}</p>
${sections}
</article>
${sources ? `<h2>Sources</h2>\n<ul class="sources">\n${sources}\n</ul>` : ''}
<a class="back" href="/guides">← Retour aux guides</a>`;
  return layout(look, guide.title, main);
}

export function guideListPage(guides: Array<{ id: string; title: string; summary: string }>, look: PageLook = DEFAULT_LOOK): string {
  const items = guides
    .map(
      (g) =>
        `<li><a href="/guides/${escapeHtml(g.id)}">${escapeHtml(g.title)}</a><br><span class="meta">${escapeHtml(g.summary)}</span></li>`,
    )
    .join('\n');
  return layout(look, 'Guides', `<h1>Les guides du numérique</h1>\n<ul class="guides">\n${items}\n</ul>`);
}

export function notFoundPage(look: PageLook = DEFAULT_LOOK): string {
  return layout(
    look,
    'Page introuvable',
    `<h1>Page introuvable</h1>
<p>Ce guide n’existe pas ou a été déplacé.</p>
<a class="back" href="/guides">← Retour à la liste des guides</a>`,
  );
}
