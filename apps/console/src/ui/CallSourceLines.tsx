import { campaignOf, type CallSource } from '@ringside/contracts';
import { useT } from '../i18n/I18nProvider';

/** which campaign (call link) or call button made the phone ring */
export function CallSourceLines({
  source,
  className = '',
}: {
  source: CallSource | undefined;
  className?: string;
}) {
  const campaign = campaignOf(source);
  const t = useT();
  if (!campaign && !source?.ctaPayload) return null;
  return (
    <dl
      className={`grid grid-cols-[auto_1fr] gap-x-2 text-sm text-slate-700 dark:text-slate-200 ${className}`}
    >
      {campaign ? (
        <>
          <dt className="font-medium">{t('source.campaign')}</dt>
          <dd className="break-all">{campaign}</dd>
        </>
      ) : null}
      {source?.ctaPayload ? (
        <>
          <dt className="font-medium">{t('source.callButton')}</dt>
          <dd className="break-all">{source.ctaPayload}</dd>
        </>
      ) : null}
    </dl>
  );
}
