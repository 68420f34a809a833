import { useEffect, useState } from 'react';
import { CallLogApi } from '../api/call-log-api';
import { SupervisorApi } from '../api/supervisor-api';
import { UsersApi } from '../api/users-api';
import { createLogger } from '../log';
import { BoardFeed } from '../views/supervisor/BoardFeed';
import { SupervisorView, type SupervisorParts } from '../views/supervisor/SupervisorView';
import { useCalling, useServices } from './ConsoleProvider';

/**
 * `/supervisor` wired: the board's APIs over the console's one REST client and its live feed on
 * the console's socket, made once per visit; the feed runs while the page shows. Loaded with
 * the page, so none of it weighs on the console's first load.
 *
 * @example
 * <Route path="supervisor" element={<SupervisorRoute />} />
 */
export function SupervisorRoute() {
  const { rest, env } = useServices();
  const { signaling, listenIn } = useCalling();
  const [parts] = useState<SupervisorParts>(() => {
    const callLog = new CallLogApi(rest);
    const feed = new BoardFeed({
      signaling,
      supervisor: new SupervisorApi(rest),
      callLog,
      log: createLogger('board', env.logLevel),
    });
    return { feed, callLog, users: new UsersApi(rest), listen: listenIn };
  });
  useEffect(() => {
    parts.feed.start();
    return () => parts.feed.stop();
  }, [parts.feed]);
  // leaving the board leaves the call the supervisor listened to
  useEffect(() => () => void parts.listen.stop(), [parts.listen]);
  return <SupervisorView {...parts} />;
}
