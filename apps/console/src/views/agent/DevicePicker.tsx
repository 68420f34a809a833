import { useAppState, useServices } from '../../app/ConsoleProvider';

const SELECT =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-800';

/** microphone and speaker, switchable during a call */
export function DevicePicker() {
  const services = useServices();
  const inputs = useAppState((s) => s.inputs);
  const outputs = useAppState((s) => s.outputs);
  const inputId = useAppState((s) => s.inputId);
  const outputId = useAppState((s) => s.outputId);
  const canChooseSpeaker = useAppState((s) => s.canChooseSpeaker);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className="block text-sm font-medium">
        Microphone
        <select
          className={SELECT}
          value={inputId}
          onChange={(e) => void services.chooseInput(e.target.value)}
        >
          <option value="">System default</option>
          {inputs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      {canChooseSpeaker ? (
        <label className="block text-sm font-medium">
          Speaker
          <select
            className={SELECT}
            value={outputId}
            onChange={(e) => void services.chooseOutput(e.target.value)}
          >
            <option value="">System default</option>
            {outputs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
