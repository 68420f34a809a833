import { useT } from '../../i18n/I18nProvider';
import type { AdminChannelView } from '@ringside/contracts';
import { permissionTemplateSchema } from '@ringside/contracts/permission-template';
import { useEffect, useState, type FormEvent } from 'react';
import type { PermissionTemplateApi } from '../../api/permission-template-api';
import { Button } from '../../ui/controls';
import { LoadState, Outcome, TextField, type OutcomeMessage } from './fields';
import { checkWith, type Problems } from './form-check';
import { useLoaded } from './useLoaded';

/**
 * The approved template this WhatsApp number asks customers for call permission with when they
 * have not messaged or called in the last 24 hours (WhatsApp then refuses the free-form request).
 * Empty name and language: no template.
 */
export function PermissionTemplateForm({
  api,
  channel,
  onClose,
}: {
  api: PermissionTemplateApi;
  channel: AdminChannelView;
  onClose: () => void;
}) {
  const [loaded] = useLoaded(() => api.get(channel.id), `permission-template:${channel.id}`);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  const current = loaded.state === 'ready' ? loaded.data.template : undefined;
  useEffect(() => {
    setName(current?.name ?? '');
    setLanguage(current?.language ?? '');
  }, [current]);

  if (loaded.state !== 'ready') return <LoadState loaded={loaded} what="the permission template" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const clearing = name.trim() === '' && language.trim() === '';
    let template = null;
    if (!clearing) {
      const checked = checkWith(permissionTemplateSchema.safeParse({ name, language }), {});
      if (!checked.ok) {
        setProblems(checked.problems);
        return;
      }
      template = checked.body;
    }
    setBusy(true);
    const saved = await api.save(channel.id, template);
    setBusy(false);
    if (!saved.ok) {
      const fromServer: Problems = {};
      for (const issue of saved.error.issues ?? []) {
        fromServer[issue.path.replace(/^template\./, '')] ??= issue.message;
      }
      setProblems(Object.keys(fromServer).length > 0 ? fromServer : {});
      setOutcome({ kind: 'error', text: saved.error.message });
      return;
    }
    setProblems({});
    setOutcome({
      kind: 'done',
      text: saved.data.template
        ? t('template.saved', {
            name: saved.data.template.name,
            language: saved.data.template.language,
          })
        : t('template.cleared'),
    });
  };

  return (
    <form
      aria-label={t('channel.template')}
      className="space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <p className="text-sm text-slate-600 dark:text-slate-300">{t('template.intro')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('template.name')}
          hint={t('template.nameHint')}
          value={name}
          maxLength={512}
          error={problems['name']}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('template.language')}
          hint={t('template.languageHint')}
          value={language}
          maxLength={8}
          error={problems['language']}
          onChange={(e) => setLanguage(e.target.value)}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button tone="primary" type="submit" disabled={busy}>
          {busy ? t('form.saving') : t('template.save')}
        </Button>
        <Button tone="ghost" onClick={onClose}>
          {t('sim.close')}
        </Button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
