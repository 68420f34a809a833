/** what a shortcut does */
export type ShortcutAction = 'accept' | 'decline' | 'mute' | 'hangup';

/** the keys, shown in the UI (`aria-keyshortcuts`) and in the help line */
export const SHORTCUT_KEYS: Record<ShortcutAction, string> = {
  accept: 'A',
  decline: 'D',
  mute: 'M',
  hangup: 'H',
};

const BY_KEY = new Map<string, ShortcutAction>(
  Object.entries(SHORTCUT_KEYS).map(([action, key]) => [
    key.toLowerCase(),
    action as ShortcutAction,
  ]),
);

/** the parts of a KeyboardEvent that decide a shortcut */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
  target: unknown;
}

/**
 * Whether the key went to something the agent types in: shortcuts must not fire while they
 * write notes or search.
 *
 * @example
 * isTypingTarget(document.querySelector('textarea')); // true
 */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // checkboxes and buttons take no text
  const type = typeof element.type === 'string' ? element.type.toLowerCase() : 'text';
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

/**
 * The shortcut a key press means, if any: plain A / D / M / H, not held down, no modifier (so
 * the browser's own shortcuts keep working), and not while typing.
 *
 * @example
 * shortcutFor({ key: 'm', ctrlKey: false, metaKey: false, altKey: false, target: document.body }); // 'mute'
 * shortcutFor({ key: 'm', ctrlKey: false, metaKey: false, altKey: false, target: textarea }); // undefined
 */
export function shortcutFor(event: KeyLike): ShortcutAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  return BY_KEY.get(event.key.toLowerCase());
}
