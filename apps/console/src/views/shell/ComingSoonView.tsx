import { Link } from 'react-router';
import { Card } from '../../ui/controls';

const TEXT = {
  supervisor: {
    title: 'Supervisor board',
    body: 'The live board of ringing and active calls, agents and today’s counters is coming with the supervisor board.',
  },
  admin: {
    title: 'Administration',
    body: 'Channels, users, routing and event webhooks will be managed here; until then use `pnpm ringside`.',
  },
} as const;

/** `/supervisor` and `/admin` until their views land */
export function ComingSoonView({ area }: { area: keyof typeof TEXT }) {
  const text = TEXT[area];
  return (
    <div className="mx-auto max-w-3xl p-4">
      <Card title={text.title} labelledBy={`${area}-title`}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{text.body}</p>
        <p className="mt-3 text-sm">
          <Link to="/" className="font-semibold text-sky-700 underline dark:text-sky-300">
            Go to the agent console
          </Link>
        </p>
      </Card>
    </div>
  );
}
