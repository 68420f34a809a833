import { useT } from '../../i18n/I18nProvider';
import { currentLocale } from '../../i18n/i18n';
import { useId, useState } from 'react';
import { Button } from '../../ui/controls';
import { FIELD_CLASS } from './fields';

/** a value to paste elsewhere: read-only, selectable, with a Copy button that says it worked */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // clipboard access needs a secure context and permission; selecting by hand still works
      setCopied('no');
    }
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.target.select()}
          className={`${FIELD_CLASS} font-mono`}
        />
        <Button
          tone="neutral"
          className="mt-1 min-h-9 px-3"
          aria-label={t('copy.label', { what: label.toLocaleLowerCase(currentLocale()) })}
          onClick={() => void copy()}
        >
          {t('copy.button')}
        </Button>
      </div>
      <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {copied === 'yes' ? t('copy.done') : copied === 'no' ? t('copy.byHand') : ''}
      </p>
    </div>
  );
}
