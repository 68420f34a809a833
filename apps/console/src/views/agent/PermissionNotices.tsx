import { useT } from '../../i18n/I18nProvider';
import { useId } from 'react';
import { useAppState } from '../../app/ConsoleProvider';
import { permissionDraft, permissionNoticeWords } from '../../calls/permission-words';
import type { PermissionNotice } from '../../state/types';
import { Button } from '../../ui/controls';

const STYLE = {
  granted:
    'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100',
  refused:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100',
} as const;

/**
 * Customers' answers to call-permission requests, above New call: "+44… allowed calls from
 * WhatsApp · +1 555…" with **Call now**, which fills New call (the agent still presses Call),
 * or a plain refusal. Each can be dismissed; only the latest few are kept.
 */
export function PermissionNotices() {
  const notices = useAppState((s) => s.permissionNotices);
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <section aria-label={t('permission.region')} className="space-y-2">
      {notices.map((notice) => (
        <PermissionNoticeCard key={notice.id} notice={notice} />
      ))}
    </section>
  );
}

function PermissionNoticeCard({ notice }: { notice: PermissionNotice }) {
  const channels = useAppState((s) => s.me?.channels);
  const dismiss = useAppState((s) => s.permissionNoticeDismissed);
  const drafted = useAppState((s) => s.dialDrafted);
  const titleId = useId();
  const t = useT();
  const words = permissionNoticeWords(notice, channels);
  const draft = permissionDraft(notice, channels);

  const callNow = () => {
    if (!draft) return;
    drafted(draft);
    // the form has it now: this notice has done its work
    dismiss(notice.id);
  };

  return (
    <div
      role="status"
      className={`flex flex-wrap items-start gap-3 rounded-lg border p-3 text-sm ${notice.granted ? STYLE.granted : STYLE.refused}`}
    >
      <div className="min-w-0 flex-1">
        <p id={titleId} className="font-semibold">
          {words.title}
        </p>
        <p className="mt-1">{words.detail}</p>
      </div>
      {draft ? (
        <Button tone="accept" aria-describedby={titleId} onClick={callNow}>
          {t('permission.callNow')}
        </Button>
      ) : null}
      <Button tone="ghost" aria-describedby={titleId} onClick={() => dismiss(notice.id)}>
        {t('banner.dismiss')}
      </Button>
    </div>
  );
}
