// The one markdown-escaping helper: text a person typed (a name, a reason, anything) that goes into a
// bot message, which Web Chat and Teams render as markdown. Escaped, `[x](https://…)` stays text: no
// link, image, emphasis or HTML inside the bot's own bubble. No botbuilder here: dialogs and the
// domain both call it.

/** Characters that open markdown syntax: links and images, emphasis, code, HTML, tables, headings. */
const SPECIAL = /[\\`*_[\]()<>!#|~]/g;

/** `text` as literal markdown text, on one line (line breaks would start lists or headings). */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .replace(SPECIAL, (c) => `\\${c}`)
      // Nor any web address the renderer's autolinker would turn into a link (an e-mail address may
      // become a mailto: link, which opens nothing by itself).
      .replace(/:\/\//g, ':\\/\\/')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
  );
}

/** The reverse, for plain-text copies of the bot's messages (the advisor's transcript). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]()<>!#|~/.])/g, '$1');
}
