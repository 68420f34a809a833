import { useT } from '../../i18n/I18nProvider';
import { useId } from 'react';
import { useAppState, useCalling } from '../../app/ConsoleProvider';

const SELECT =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-800';

/**
 * Microphone and speaker, switchable during a call. Each select is named by its own label
 * ("Microphone", "Speaker") through `htmlFor`: a label wrapped around a select would add the
 * chosen option's text to the name screen readers announce.
 */
export function DevicePicker() {
  const calling = useCalling();
  const inputs = useAppState((s) => s.inputs);
  const outputs = useAppState((s) => s.outputs);
  const inputId = useAppState((s) => s.inputId);
  const outputId = useAppState((s) => s.outputId);
  const canChooseSpeaker = useAppState((s) => s.canChooseSpeaker);
  const microphoneField = useId();
  const speakerField = useId();
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div>
        <label htmlFor={microphoneField} className="block text-sm font-medium">
          {t('devices.microphone')}
        </label>
        <select
          id={microphoneField}
          className={SELECT}
          value={inputId}
          onChange={(e) => void calling.deviceChoice.chooseInput(e.target.value)}
        >
          <option value="">{t('devices.systemDefault')}</option>
          {inputs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      {canChooseSpeaker ? (
        <div>
          <label htmlFor={speakerField} className="block text-sm font-medium">
            {t('devices.speaker')}
          </label>
          <select
            id={speakerField}
            className={SELECT}
            value={outputId}
            onChange={(e) => void calling.deviceChoice.chooseOutput(e.target.value)}
          >
            <option value="">{t('devices.systemDefault')}</option>
            {outputs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
