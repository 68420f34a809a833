import { useId, type ReactNode } from 'react';

/**
 * One item of an admin list (a channel, a webhook) as a card: its heading, which also names the
 * list item for screen readers, the `tags` beside it, then the rest.
 *
 * @example
 * <AdminCard title={channel.label} titleClassName="truncate text-base" tags={<ChannelBadge channel="whatsapp" />}>…</AdminCard>
 */
export function AdminCard({
  title,
  titleClassName,
  tags,
  children,
}: {
  title: string;
  titleClassName: string;
  tags: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <li
      aria-labelledby={titleId}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={titleId} className={`min-w-0 font-semibold ${titleClassName}`}>
          {title}
        </h3>
        {tags}
      </div>
      {children}
    </li>
  );
}

/**
 * A short state beside a card's heading: `on` (green) or `off` (grey).
 *
 * @example
 * <Tag tone={webhook.active ? 'on' : 'off'}>{webhook.active ? 'Active' : 'Paused'}</Tag>
 */
export function Tag({ tone, children }: { tone: 'on' | 'off'; children: ReactNode }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
        tone === 'on'
          ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100'
          : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100'
      }`}
    >
      {children}
    </span>
  );
}
