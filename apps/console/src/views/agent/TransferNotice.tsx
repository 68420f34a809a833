import { useAppState } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import { Button } from '../../ui/controls';

/** what became of a transfer (declined, not answered, taken back), until dismissed */
export function TransferNotice() {
  const notice = useAppState((s) => s.transferNotice);
  const dismiss = useAppState((s) => s.transferNoticeDismissed);
  const t = useT();
  if (!notice) return null;
  return (
    <div
      role="status"
      className="flex flex-wrap items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <p className="min-w-0 flex-1 font-medium">{notice.message}</p>
      <Button tone="ghost" onClick={() => dismiss(notice.id)}>
        {t('banner.dismiss')}
      </Button>
    </div>
  );
}
