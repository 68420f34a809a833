import { t } from '../../i18n/i18n';
import { Button } from '../../ui/controls';
import { Outcome } from './fields';
import type { SaveForm } from './useSaveForm';

/**
 * An admin form's buttons: Save (saying `busyLabel` while the request is on its way), Cancel,
 * and what the last save said.
 *
 * @example
 * <FormActions form={form} label={editing ? 'Save changes' : 'Add webhook'} onCancel={onCancel} />
 */
export function FormActions({
  form: { busy, outcome },
  label,
  busyLabel = t('form.saving'),
  cancelLabel = t('form.cancel'),
  onCancel,
}: {
  form: Pick<SaveForm, 'busy' | 'outcome'>;
  label: string;
  busyLabel?: string;
  cancelLabel?: string;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button tone="primary" type="submit" disabled={busy}>
        {busy ? busyLabel : label}
      </Button>
      <Button tone="ghost" onClick={onCancel} disabled={busy}>
        {cancelLabel}
      </Button>
      <Outcome outcome={outcome} />
    </div>
  );
}
