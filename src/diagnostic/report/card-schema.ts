// What our Adaptive Cards may use: version 1.5 (the highest Teams renders) and only element types that both
// Teams and Web Chat render. Action.Execute (1.4) is left out: Web Chat does not support it.

export const CARD_VERSION = '1.5';

/** Element and action types of Adaptive Cards ≤ 1.5, with the version that introduced each. */
export const ALLOWED_CARD_TYPES: Readonly<Record<string, string>> = {
  AdaptiveCard: '1.0',
  TextBlock: '1.0',
  Image: '1.0',
  Container: '1.0',
  ColumnSet: '1.0',
  Column: '1.0',
  FactSet: '1.0',
  ImageSet: '1.0',
  'Input.Text': '1.0',
  'Input.Number': '1.0',
  'Input.Date': '1.0',
  'Input.Time': '1.0',
  'Input.Toggle': '1.0',
  'Input.ChoiceSet': '1.0',
  'Action.OpenUrl': '1.0',
  'Action.Submit': '1.0',
  'Action.ShowCard': '1.0',
  Media: '1.1',
  ActionSet: '1.2',
  RichTextBlock: '1.2',
  TextRun: '1.2',
  'Action.ToggleVisibility': '1.2',
  Table: '1.5',
  TableRow: '1.5',
  TableCell: '1.5',
};

/** Keys under which an element holds other typed objects. */
const CHILD_KEYS = ['body', 'items', 'columns', 'actions', 'rows', 'cells', 'inlines', 'selectAction', 'card', 'images', 'fallback'];

export interface CardProblem {
  path: string;
  message: string;
}

/** Problems of a card against our 1.5 profile (empty when it is fine). */
export function checkCard(card: unknown): CardProblem[] {
  const problems: CardProblem[] = [];
  const root = card as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || root.type !== 'AdaptiveCard') return [{ path: '$', message: 'not an AdaptiveCard' }];
  if (root.version !== CARD_VERSION)
    problems.push({ path: '$.version', message: `version must be "${CARD_VERSION}", got ${JSON.stringify(root.version)}` });
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string' && !(obj.type in ALLOWED_CARD_TYPES))
      problems.push({ path, message: `type "${obj.type}" is not allowed` });
    if (obj.type === 'TextBlock' && (typeof obj.text !== 'string' || obj.text.trim() === ''))
      problems.push({ path, message: 'TextBlock without text' });
    if (obj.type === 'Image' && typeof obj.url !== 'string') problems.push({ path, message: 'Image without url' });
    if (obj.type === 'Action.OpenUrl' && !/^https?:\/\//.test(String(obj.url)))
      problems.push({ path, message: 'Action.OpenUrl needs an http(s) url' });
    for (const key of CHILD_KEYS) {
      if (key === 'fallback' && typeof obj[key] === 'string') continue;
      if (key in obj && !(key === 'card' && obj.type !== 'Action.ShowCard')) visit(obj[key], `${path}.${key}`);
    }
  };
  visit(root, '$');
  return problems;
}

/** Every `type` used in a card (for tests and diagnostics). */
export function cardTypes(card: unknown): Set<string> {
  const types = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string') types.add(obj.type);
    for (const key of CHILD_KEYS) if (key in obj) visit(obj[key]);
  };
  visit(card);
  return types;
}
