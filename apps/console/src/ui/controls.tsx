import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { buttonClasses } from './button-classes';

type Tone = 'primary' | 'accept' | 'danger' | 'neutral' | 'ghost';

const TONES: Record<Tone, string> = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-sky-700/50',
  accept: 'bg-emerald-700 text-white hover:bg-emerald-800 disabled:bg-emerald-700/50',
  danger: 'bg-rose-700 text-white hover:bg-rose-800 disabled:bg-rose-700/50',
  neutral:
    'bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700',
  ghost:
    'text-slate-700 hover:bg-slate-200/70 disabled:opacity-50 dark:text-slate-200 dark:hover:bg-slate-800',
};

/**
 * The console's button: a tone, comfortable touch size, visible focus from the base styles.
 *
 * @example
 * <Button tone="accept" onClick={accept}>Accept</Button>
 */
export function Button({
  tone = 'neutral',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: Tone }) {
  return <button type={type} className={buttonClasses(TONES[tone], className)} {...props} />;
}

const BANNERS = {
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100',
  warning:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100',
  error:
    'border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100',
} as const;

/**
 * A message across the page. Errors are announced (`role="alert"`), the rest politely.
 *
 * @example
 * <Banner kind="error" title="Microphone blocked">Allow it in the address bar.</Banner>
 */
export function Banner({
  kind,
  title,
  children,
  action,
}: {
  kind: keyof typeof BANNERS;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      className={`flex flex-wrap items-start gap-3 rounded-lg border p-3 text-sm ${BANNERS[kind]}`}
    >
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="mt-1">{children}</div> : null}
      </div>
      {action}
    </div>
  );
}

/**
 * A card section with a heading.
 *
 * @example
 * <Card title="Incoming call">…</Card>
 */
export function Card({
  title,
  children,
  className = '',
  labelledBy,
}: {
  title?: string;
  children: ReactNode;
  className?: string;
  labelledBy?: string;
}) {
  return (
    <section
      aria-labelledby={labelledBy}
      className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      {title ? (
        <h2 id={labelledBy} className="mb-3 text-base font-semibold">
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}

/**
 * The channel as a coloured badge.
 *
 * @example
 * <ChannelBadge channel="whatsapp" />
 */
export function ChannelBadge({ channel }: { channel: 'whatsapp' | 'messenger' }) {
  const style =
    channel === 'whatsapp'
      ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100'
      : 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100';
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${style}`}>
      {channel === 'whatsapp' ? 'WhatsApp' : 'Messenger'}
    </span>
  );
}
