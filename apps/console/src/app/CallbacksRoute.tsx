import { useState } from 'react';
import { CallbacksApi } from '../api/callbacks-api';
import { CallbacksPanel } from '../views/agent/CallbacksPanel';
import { useServices } from './ConsoleProvider';

/**
 * The agent view's Callbacks panel wired: the worklist API over the console's one REST client.
 * Loaded on demand, so its reply schema stays out of the console's first load.
 *
 * @example
 * <Suspense fallback={null}><CallbacksRoute /></Suspense>
 */
export function CallbacksRoute() {
  const { rest } = useServices();
  const [api] = useState(() => new CallbacksApi(rest));
  return <CallbacksPanel api={api} />;
}
