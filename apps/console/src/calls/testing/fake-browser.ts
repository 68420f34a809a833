// the browser parts a call's media is built from, faked and recorded for the calls' tests
import type { SessionMicrophone } from '../../rtc/LocalAudio';
import { FakePeerConnection, FakeStream, FakeTrack } from '../../rtc/testing/fakes';

/** peer connections as the browser makes them; each one made is in `peers`, in order */
export function fakePeerConnections() {
  const peers: FakePeerConnection[] = [];
  const createPeerConnection = (config?: RTCConfiguration) => {
    const pc = new FakePeerConnection(config);
    peers.push(pc);
    return pc as unknown as RTCPeerConnection;
  };
  return { peers, createPeerConnection };
}

/**
 * the microphone a call opens: a fresh track each time, kept in `mics`; while `microphone.error`
 * is set, opening it fails with that message
 */
export function fakeMicrophones() {
  const mics: FakeTrack[] = [];
  const microphone = { error: undefined as string | undefined };
  const microphoneForCall = async (): Promise<SessionMicrophone | { error: string }> => {
    if (microphone.error) return { error: microphone.error };
    const track = new FakeTrack();
    mics.push(track);
    return { track, stream: new FakeStream([track]) } as unknown as SessionMicrophone;
  };
  return { mics, microphone, microphoneForCall };
}
