import { ringAnnouncement, transferAnnouncement } from '../../alerts/ring-announcement';
import { useAppState } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';

/**
 * Tells a screen reader, once, that a call is ringing: who and on which channel. The live region
 * is always in the page (a region added with its text is often not read); each new call puts a
 * new line in it, so a second call from the same caller is still heard, while the ring timer's
 * ticking (a `timer`, not live) is not.
 */
export function RingAnnouncer() {
  const ringing = useAppState((s) => s.ringing);
  const transferOffers = useAppState((s) => s.transferOffers);
  const t = useT();
  const announcement = ringAnnouncement(ringing) ?? transferAnnouncement(transferOffers);
  return (
    <div
      role="status"
      aria-live="assertive"
      aria-label={t('shell.announcer.label')}
      className="sr-only"
    >
      {announcement ? <p key={announcement.callId}>{announcement.text}</p> : null}
    </div>
  );
}
