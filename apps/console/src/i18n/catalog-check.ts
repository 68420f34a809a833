import {
  compileMessageOrThrow,
  type CompiledMessage,
  type CompiledMessageToken,
} from '@lingui/message-utils/compileMessage';

/** what one message needs from its values: placeholder names, and which are plurals */
interface MessageShape {
  placeholders: Set<string>;
  plurals: { name: string; categories: string[] }[];
}

function shapeOf(message: CompiledMessage | string, shape: MessageShape): MessageShape {
  if (typeof message === 'string') return shape;
  for (const token of message) visit(token, shape);
  return shape;
}

function visit(token: CompiledMessageToken, shape: MessageShape): void {
  if (typeof token === 'string') return;
  const [name, type, format] = token;
  shape.placeholders.add(name);
  if ((type === 'plural' || type === 'selectordinal' || type === 'select') && isChoices(format)) {
    const categories = Object.keys(format).filter((key) => key !== 'offset');
    if (type === 'plural') shape.plurals.push({ name, categories });
    for (const key of categories) {
      const branch = format[key];
      if (Array.isArray(branch) || typeof branch === 'string') shapeOf(branch, shape);
    }
  }
}

function isChoices(value: unknown): value is Record<string, CompiledMessage | string> {
  return typeof value === 'object' && value !== null;
}

/**
 * What is wrong with one locale's catalog against the English one: keys missing or extra,
 * messages that do not parse, placeholders that differ from English, and plurals without a
 * form the language needs (Intl.PluralRules' categories, plus `other`).
 *
 * @example
 * catalogProblems('es', en, es); // ['missing: shell.signOut', 'history.calls: plural {count} lacks "many"']
 */
export function catalogProblems(
  locale: string,
  english: Record<string, string>,
  catalog: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    if (!(key in catalog)) problems.push(`missing: ${key}`);
  }
  const needed = [
    ...new Set([...new Intl.PluralRules(locale).resolvedOptions().pluralCategories, 'other']),
  ].sort();
  for (const [key, message] of Object.entries(catalog)) {
    const source = english[key];
    if (source === undefined) {
      problems.push(`extra: ${key}`);
      continue;
    }
    if (message.trim() === '') {
      problems.push(`${key}: empty`);
      continue;
    }
    let shape: MessageShape;
    let sourceShape: MessageShape;
    try {
      shape = shapeOf(compileMessageOrThrow(message), { placeholders: new Set(), plurals: [] });
      sourceShape = shapeOf(compileMessageOrThrow(source), {
        placeholders: new Set(),
        plurals: [],
      });
    } catch (error) {
      problems.push(`${key}: does not parse (${String(error)})`);
      continue;
    }
    const ours = [...shape.placeholders].sort().join(', ');
    const theirs = [...sourceShape.placeholders].sort().join(', ');
    if (ours !== theirs) problems.push(`${key}: placeholders {${ours}}, English has {${theirs}}`);
    for (const plural of shape.plurals) {
      for (const category of needed) {
        if (!plural.categories.includes(category)) {
          problems.push(`${key}: plural {${plural.name}} lacks "${category}"`);
        }
      }
    }
  }
  return problems;
}
