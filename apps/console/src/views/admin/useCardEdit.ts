import { useState } from 'react';
import type { OutcomeMessage } from './fields';

/** a card's edit form: whether it is open, and how to open, save and close it */
export interface CardEdit<T> {
  editing: boolean;
  open: () => void;
  close: () => void;
  /** closes the form, hands the saved item to the list and says "Saved." */
  saved: (item: T) => void;
}

/**
 * The edit form of an admin card (a channel, a webhook).
 *
 * @example
 * const edit = useCardEdit(onChanged, setOutcome);
 * {edit.editing ? <ChannelForm editing={channel} onSaved={edit.saved} onCancel={edit.close} /> : null}
 */
export function useCardEdit<T>(
  onChanged: (item: T) => void,
  say: (outcome: OutcomeMessage) => void,
): CardEdit<T> {
  const [editing, setEditing] = useState(false);
  return {
    editing,
    open: () => setEditing(true),
    close: () => setEditing(false),
    saved: (item) => {
      setEditing(false);
      onChanged(item);
      say({ kind: 'done', text: 'Saved.' });
    },
  };
}
