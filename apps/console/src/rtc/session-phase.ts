/**
 * How far our side of the signaling has come: `preparing` (building and checking our SDP),
 * `prepared` (checked, not sent), `sent` (with the server), `accepted` (Meta took it).
 */
export type SessionStep =
  'new' | 'preparing' | 'prepared' | 'sent' | 'accepted' | 'failed' | 'closed';

/** what the agent sees of a call session */
export type SessionPhase =
  'preparing' | 'connecting' | 'active' | 'reconnecting' | 'failed' | 'closed';

/**
 * Derives the session's phase from our signaling step and the peer connection's own state,
 * rather than from a heap of flags: a call is active only when Meta accepted our SDP and
 * ICE+DTLS are connected.
 *
 * @example
 * derivePhase('accepted', 'connected'); // 'active'
 * derivePhase('accepted', 'connecting'); // 'connecting'
 * derivePhase('accepted', 'disconnected'); // 'reconnecting': the path dropped, ICE tries again
 * derivePhase('sent', 'failed'); // 'failed'
 */
export function derivePhase(step: SessionStep, connection: RTCPeerConnectionState): SessionPhase {
  switch (step) {
    case 'closed':
      return 'closed';
    case 'failed':
      return 'failed';
    case 'new':
    case 'preparing':
    case 'prepared':
      return 'preparing';
    case 'sent':
    case 'accepted':
      if (connection === 'failed') return 'failed';
      if (connection === 'closed') return 'closed';
      // only a connected path disconnects: audio stopped mid-call, and may come back
      if (connection === 'disconnected') return 'reconnecting';
      return step === 'accepted' && connection === 'connected' ? 'active' : 'connecting';
  }
}
