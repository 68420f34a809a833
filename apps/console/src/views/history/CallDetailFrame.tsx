import { useT } from '../../i18n/I18nProvider';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '../../ui/controls';
import type { Loaded } from '../admin/useLoaded';

/**
 * The panel one call's detail shows in, for the history page and the supervisor's call log:
 * a heading (the caller once loaded), Close details, and the loading or error line. When the
 * detail has loaded or failed, the heading takes focus: on a narrow screen the panel sits below
 * the list, and this brings it into view for keyboard and eye. `nested` is the look inside
 * another card, under its `h2`.
 *
 * @example
 * <CallDetailFrame loaded={detail} title={(call) => callerName(call.caller)} onClose={close}>
 *   {(call) => <CallRecord call={call} … />}
 * </CallDetailFrame>
 */
export function CallDetailFrame<T>({
  loaded,
  title,
  nested = false,
  onClose,
  children,
}: {
  loaded: Loaded<T>;
  title: (data: T) => string;
  nested?: boolean;
  onClose: () => void;
  children: (data: T) => ReactNode;
}) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (loaded.state !== 'loading') heading.current?.focus();
  }, [loaded.state]);
  const Title = nested ? 'h3' : 'h2';
  const t = useT();

  return (
    <section
      aria-labelledby={titleId}
      className={`border border-slate-200 p-4 dark:border-slate-800 ${
        nested ? 'min-w-0 rounded-lg' : 'rounded-xl bg-white dark:bg-slate-900'
      }`}
    >
      <div className="flex items-center justify-between gap-2">
        <Title id={titleId} ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {loaded.state === 'ready' ? title(loaded.data) : t('detail.title')}
        </Title>
        <Button tone="ghost" className="min-h-9 px-2" onClick={onClose}>
          {t('detail.close')}
        </Button>
      </div>
      {loaded.state === 'loading' ? (
        <p role="status" className="mt-2 text-sm">
          {t('app.loading')}
        </p>
      ) : loaded.state === 'error' ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {loaded.message}
        </p>
      ) : (
        children(loaded.data)
      )}
    </section>
  );
}
