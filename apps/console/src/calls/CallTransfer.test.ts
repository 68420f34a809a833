import { describe, expect, it, vi } from 'vitest';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ringingCard } from '../state/testing';
import { startedCall } from './call-records';
import { CallTransfer } from './CallTransfer';

const BO = { userId: 'u_bo', name: 'Bo Agent' };
const CY = { userId: 'u_cy', name: 'Cy Agent' };
const TO_BO = { kind: 'agent', agent: BO } as const;
const SALES = { channelId: 'ch_sales', name: 'Sales' };
const TO_SALES = { kind: 'queue', queue: SALES } as const;

/** the agent on anchored call c1, talking */
function harness() {
  const store = createAppStore();
  store.getState().callStarted({
    ...startedCall(ringingCard('c1'), 1_000_000),
    phase: 'active',
    anchored: true,
  });
  const signaling = fakeSignaling();
  const handedOver = vi.fn();
  const transfer = new CallTransfer({ store, signaling: signaling.client, handedOver });
  transfer.start();
  const progress = (state: string, extra: Record<string, unknown> = {}) =>
    signaling.emit('call:transfer-progress', { callId: 'c1', to: BO, state, ...extra });
  /** progress of a transfer to the sales queue: nobody named unless `extra` says who took it */
  const queueProgress = (state: string, extra: Record<string, unknown> = {}) =>
    signaling.emit('call:transfer-progress', { callId: 'c1', queue: SALES, state, ...extra });
  return { store, signaling, handedOver, transfer, progress, queueProgress };
}

describe('CallTransfer', () => {
  it('lists the colleagues and the lines’ queues that can take the call, or says why not', async () => {
    const { signaling, transfer } = harness();
    const queues = [
      { ...SALES, available: 2 },
      { channelId: 'ch_support', name: 'Support', available: 0 },
    ];
    signaling.replies['call:transfer-targets'] = { ok: true, agents: [BO], queues };
    expect(await transfer.targets('c1')).toEqual({ ok: true, agents: [BO], queues });
    expect(signaling.sentOf('call:transfer-targets')).toEqual([{ callId: 'c1' }]);

    signaling.replies['call:transfer-targets'] = {
      ok: false,
      error: { code: 'invalid_state', message: 'Only an anchored call can be transferred.' },
    };
    expect(await transfer.targets('c1')).toEqual({
      ok: false,
      message: 'Only an anchored call can be transferred.',
    });
  });

  it('sends the transfer and shows it ringing; a refusal comes back in words and changes nothing', async () => {
    const { store, signaling, transfer } = harness();
    signaling.replies['call:transfer'] = {
      ok: false,
      error: { code: 'invalid_state', message: 'Bo Agent is not available now.' },
    };
    expect(await transfer.transfer('c1', TO_BO, 'warm')).toEqual({
      ok: false,
      message: 'Bo Agent is not available now.',
    });
    expect(store.getState().transfer).toBeNull();

    delete signaling.replies['call:transfer'];
    expect(await transfer.transfer('c1', TO_BO, 'warm')).toEqual({ ok: true });
    expect(signaling.sentOf('call:transfer').at(-1)).toEqual({
      callId: 'c1',
      toUserId: 'u_bo',
      mode: 'warm',
    });
    expect(store.getState().transfer).toEqual({
      callId: 'c1',
      to: BO,
      mode: 'warm',
      step: 'ringing',
    });
  });

  it('sends a transfer to a queue by its line, and shows it ringing with nobody named', async () => {
    const { store, signaling, transfer } = harness();
    expect(await transfer.transfer('c1', TO_SALES, 'cold')).toEqual({ ok: true });
    expect(signaling.sentOf('call:transfer')).toEqual([
      { callId: 'c1', toChannelId: 'ch_sales', mode: 'cold' },
    ]);
    const shown = store.getState().transfer;
    expect(shown).toEqual({ callId: 'c1', queue: SALES, mode: 'cold', step: 'ringing' });
    expect(shown && 'to' in shown).toBe(false);
  });

  it('follows a queue: ringing names nobody, whoever of it accepts is named from then on', async () => {
    const { store, signaling, handedOver, transfer, queueProgress } = harness();
    // the progress overtakes the ack: it alone says where the transfer stands
    queueProgress('ringing');
    expect(store.getState().transfer).toEqual({
      callId: 'c1',
      queue: SALES,
      mode: 'cold',
      step: 'ringing',
    });

    queueProgress('consulting', { to: CY });
    expect(store.getState().transfer).toMatchObject({ to: CY, queue: SALES, step: 'consulting' });

    await transfer.complete();
    expect(signaling.sentOf('call:transfer-complete')).toEqual([{ callId: 'c1' }]);
    expect(handedOver).toHaveBeenCalledWith('c1', 'Transferred to Cy Agent');
  });

  it('keeps who of the queue accepted when a later event names only the queue', async () => {
    const { handedOver, transfer, queueProgress } = harness();
    await transfer.transfer('c1', TO_SALES, 'warm');
    queueProgress('consulting', { to: CY });
    queueProgress('completed');
    expect(handedOver).toHaveBeenCalledWith('c1', 'Transferred to Cy Agent');
  });

  it.each([
    ['declined', {}, 'Nobody in the Sales queue took the call: you are back with the customer'],
    ['no-answer', {}, 'Nobody in the Sales queue took the call: you are back with the customer'],
    [
      'failed',
      {},
      'The transfer to the Sales queue did not go through: you are back with the customer',
    ],
    [
      'failed',
      { reason: 'The line has no queue.' },
      'The transfer did not go through (The line has no queue.): you are back with the customer',
    ],
  ])(
    'brings the agent back when nobody of the queue takes it (%s)',
    async (state, extra, words) => {
      const { store, handedOver, transfer, queueProgress } = harness();
      await transfer.transfer('c1', TO_SALES, 'cold');
      queueProgress(state, extra);
      expect(store.getState().transfer).toBeNull();
      expect(store.getState().transferNotice?.message).toBe(words);
      expect(handedOver).not.toHaveBeenCalled();
    },
  );

  it('names the agent of the queue who accepted a consult and then declined', async () => {
    const { store, transfer, queueProgress } = harness();
    await transfer.transfer('c1', TO_SALES, 'warm');
    queueProgress('consulting', { to: CY });
    queueProgress('declined');
    expect(store.getState().transferNotice?.message).toBe(
      'Cy Agent declined the transfer: you are back with the customer',
    );
  });

  it('sends nothing for a call that is not talking, or while a transfer is under way', async () => {
    const { store, signaling, transfer } = harness();
    await transfer.transfer('c1', TO_BO, 'cold');
    expect(await transfer.transfer('c1', TO_BO, 'cold')).toMatchObject({ ok: false });
    expect(await transfer.transfer('c9', TO_BO, 'cold')).toMatchObject({ ok: false });
    store.getState().transferCleared('c1');
    store.getState().callPatched('c1', { phase: 'reconnecting' });
    expect(await transfer.transfer('c1', TO_BO, 'cold')).toEqual({
      ok: false,
      message: 'This call cannot be transferred now.',
    });
    expect(signaling.sentOf('call:transfer')).toHaveLength(1);
  });

  it('does not let a late ack undo a progress event that overtook it', async () => {
    const { store, signaling, transfer, progress } = harness();
    let land: (reply: { ok: true }) => void = () => undefined;
    signaling.replies['call:transfer'] = () => new Promise((resolve) => (land = resolve));
    const sending = transfer.transfer('c1', TO_BO, 'cold');
    await vi.waitFor(() => expect(signaling.sentOf('call:transfer')).toHaveLength(1));
    progress('declined');
    land({ ok: true });
    await sending;
    expect(store.getState().transfer).toBeNull();
  });

  it('follows the colleague: consulting, then Complete hands the call over in words', async () => {
    const { store, signaling, handedOver, transfer, progress } = harness();
    await transfer.transfer('c1', TO_BO, 'warm');
    progress('consulting');
    expect(store.getState().transfer?.step).toBe('consulting');

    await transfer.complete();
    expect(signaling.sentOf('call:transfer-complete')).toEqual([{ callId: 'c1' }]);
    expect(handedOver).toHaveBeenCalledWith('c1', 'Transferred to Bo Agent');
    expect(store.getState().transfer).toBeNull();
  });

  it('keeps the call when Complete is refused, and says why', async () => {
    const { store, signaling, handedOver, transfer, progress } = harness();
    await transfer.transfer('c1', TO_BO, 'warm');
    progress('consulting');
    signaling.replies['call:transfer-complete'] = {
      ok: false,
      error: { code: 'invalid_state', message: 'The consult has ended.' },
    };
    await transfer.complete();
    expect(handedOver).not.toHaveBeenCalled();
    expect(store.getState().problem?.message).toBe('The consult has ended.');
  });

  it('hands over on completed', async () => {
    const { handedOver, transfer, progress } = harness();
    await transfer.transfer('c1', TO_BO, 'cold');
    progress('completed');
    expect(handedOver).toHaveBeenCalledWith('c1', 'Transferred to Bo Agent');
  });

  it.each([
    ['declined', {}, 'Bo Agent declined the transfer: you are back with the customer'],
    ['no-answer', {}, 'Bo Agent did not answer the transfer: you are back with the customer'],
    [
      'failed',
      { reason: 'The media server dropped the consult.' },
      'The transfer did not go through (The media server dropped the consult.): you are back with the customer',
    ],
    ['failed', {}, 'The transfer to Bo Agent did not go through: you are back with the customer'],
  ])('brings the agent back with a word when %s', async (state, extra, words) => {
    const { store, handedOver, transfer, progress } = harness();
    await transfer.transfer('c1', TO_BO, 'cold');
    progress(state, extra);
    expect(store.getState().transfer).toBeNull();
    expect(store.getState().transferNotice?.message).toBe(words);
    expect(handedOver).not.toHaveBeenCalled();
  });

  it('Cancel takes the call back without a word; so does the server’s cancelled', async () => {
    const { store, signaling, transfer, progress } = harness();
    await transfer.transfer('c1', TO_BO, 'cold');
    await transfer.cancel();
    expect(signaling.sentOf('call:transfer-cancel')).toEqual([{ callId: 'c1' }]);
    expect(store.getState().transfer).toBeNull();

    await transfer.transfer('c1', TO_BO, 'cold');
    progress('cancelled');
    expect(store.getState().transfer).toBeNull();
    expect(store.getState().transferNotice).toBeNull();
  });

  it('forgets the transfer when the call ends, and ignores progress of a call not ours', async () => {
    const { store, transfer, signaling } = harness();
    await transfer.transfer('c1', TO_BO, 'cold');
    signaling.emit('call:transfer-progress', { callId: 'c9', to: BO, state: 'consulting' });
    expect(store.getState().transfer?.step).toBe('ringing');

    store.getState().callFinished('c1', null);
    expect(store.getState().transfer).toBeNull();
  });
});
