import {
  CLIENT_COMMAND_SCHEMAS,
  type AckResult,
  type ClientToServerEvents,
} from '@ringside/contracts';
import type { ListenIn } from '../anchor/listen-in';
import type { Transfers } from '../anchor/transfers';
import type { AgentCommands } from '../calls/agent-commands';
import { CommandError } from '../calls/command-error';
import type { Logger } from '../ops/logger';
import type { RingsideSocket } from './socket-types';

type Ack<T extends object> = (result: AckResult<T>) => void;

/**
 * Wires the console's commands to the agent command service: each payload is validated with its
 * contract schema, each answer goes back through the acknowledgement, and only a
 * {@link CommandError}'s message (written for agents) ever reaches the browser.
 */
export function registerCommandHandlers(
  socket: RingsideSocket,
  commands: AgentCommands,
  logger: Logger,
  listenIn: ListenIn,
  transfers: Transfers,
): void {
  const actor = () => socket.data;

  function handle<K extends keyof typeof CLIENT_COMMAND_SCHEMAS, T extends object>(
    event: K,
    run: (payload: ReturnType<(typeof CLIENT_COMMAND_SCHEMAS)[K]['parse']>) => Promise<T>,
  ) {
    // socket.io passes the acknowledgement last: a command sent with no payload gets it first
    return async (...args: unknown[]) => {
      const ack = args[args.length - 1];
      const payload = typeof args[0] === 'function' ? undefined : args[0];
      const reply: Ack<T> = typeof ack === 'function' ? (ack as Ack<T>) : () => undefined;
      const parsed = CLIENT_COMMAND_SCHEMAS[event].safeParse(payload);
      if (!parsed.success) {
        reply({
          ok: false,
          error: {
            code: 'invalid_payload',
            message: parsed.error.issues
              .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
              .join('; '),
          },
        });
        return;
      }
      try {
        const result = await run(
          parsed.data as ReturnType<(typeof CLIENT_COMMAND_SCHEMAS)[K]['parse']>,
        );
        reply({ ok: true, ...result });
      } catch (error) {
        if (error instanceof CommandError) {
          reply({ ok: false, error: { code: error.code, message: error.message } });
          return;
        }
        logger.error({ err: error, event, userId: actor().userId }, 'socket command failed');
        reply({
          ok: false,
          error: { code: 'internal', message: 'Something went wrong. Please try again.' },
        });
      }
    };
  }

  const on = socket.on.bind(socket) as <E extends keyof ClientToServerEvents>(
    event: E,
    listener: (...args: unknown[]) => void,
  ) => void;

  on(
    'agent:set-status',
    handle('agent:set-status', async (p) => (await commands.setStatus(actor(), p.status), {})),
  );
  on(
    'call:accept',
    handle('call:accept', async (p) => (await commands.claim(actor(), p.callId), {})),
  );
  on(
    'call:answer',
    handle('call:answer', async (p) => {
      const reply = await commands.answer(actor(), p.callId, p.sdp);
      return {
        ...(reply?.sdpResponse ? { sdpResponse: reply.sdpResponse } : {}),
        ...(reply?.sdpRenegotiation ? { sdpRenegotiation: reply.sdpRenegotiation } : {}),
      };
    }),
  );
  on(
    'call:decline',
    handle('call:decline', async (p) => (await commands.decline(actor(), p.callId), {})),
  );
  on(
    'call:hangup',
    handle('call:hangup', async (p) => (await commands.hangup(actor(), p.callId), {})),
  );
  on(
    'call:quality',
    handle('call:quality', async (p) => {
      const { callId, ...metrics } = p;
      await commands.quality(actor(), callId, metrics);
      return {};
    }),
  );
  on(
    'call:dial',
    handle('call:dial', (p) => commands.dial(actor(), p)),
  );
  // a supervisor listening in on an anchored call (a direct call, or no engine: refused)
  on(
    'supervisor:listen',
    handle('supervisor:listen', (p) => listenIn.listen(actor(), p.callId, p.barge ?? false)),
  );
  on(
    'supervisor:listen-answer',
    handle(
      'supervisor:listen-answer',
      async (p) => (await listenIn.answer(actor(), p.callId, p.sdp), {}),
    ),
  );
  on(
    'supervisor:stop-listening',
    handle('supervisor:stop-listening', async (p) => (await listenIn.stop(actor(), p.callId), {})),
  );
  // an anchored call's agent back in it after a reload: a fresh leg from the engine
  on(
    'call:rejoin',
    handle('call:rejoin', (p) => commands.rejoin(actor(), p.callId)),
  );
  on(
    'call:rejoin-answer',
    handle(
      'call:rejoin-answer',
      async (p) => (await commands.rejoinAnswer(actor(), p.callId, p.sdp), {}),
    ),
  );
  // whispering: the supervisor's second leg, heard by the agent alone, and the agent's leg
  on(
    'supervisor:whisper',
    handle('supervisor:whisper', (p) => listenIn.whisper(actor(), p.callId)),
  );
  on(
    'supervisor:whisper-answer',
    handle(
      'supervisor:whisper-answer',
      async (p) => (await listenIn.whisperAnswer(actor(), p.callId, p.sdp), {}),
    ),
  );
  on(
    'call:whisper-answer',
    handle(
      'call:whisper-answer',
      async (p) => (await listenIn.hearWhisper(actor(), p.callId, p.sdp), {}),
    ),
  );
  // transfers of anchored calls: the agent handing over, and the colleague taking it
  on(
    'call:transfer-targets',
    handle('call:transfer-targets', (p) => transfers.targets(actor(), p.callId)),
  );
  on(
    'call:transfer',
    handle('call:transfer', async (p) => (await transfers.start(actor(), p.callId, p, p.mode), {})),
  );
  on(
    'call:transfer-cancel',
    handle('call:transfer-cancel', async (p) => (await transfers.cancel(actor(), p.callId), {})),
  );
  on(
    'call:transfer-complete',
    handle(
      'call:transfer-complete',
      async (p) => (await transfers.complete(actor(), p.callId), {}),
    ),
  );
  on(
    'call:transfer-accept',
    handle('call:transfer-accept', (p) => transfers.accept(actor(), p.callId)),
  );
  on(
    'call:transfer-answer',
    handle(
      'call:transfer-answer',
      async (p) => (await transfers.answer(actor(), p.callId, p.sdp), {}),
    ),
  );
  on(
    'call:transfer-decline',
    handle('call:transfer-decline', async (p) => (await transfers.decline(actor(), p.callId), {})),
  );
}
