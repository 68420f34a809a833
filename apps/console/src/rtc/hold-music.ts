/** a generated music track for hold, and how to stop it */
export interface HoldMusic {
  readonly track: MediaStreamTrack;
  stop(): void;
}

// a slow arpeggio over C – Am – F – G, soft triangle notes: recognisably "on hold"
const CHORDS: readonly (readonly number[])[] = [
  [261.63, 329.63, 392.0],
  [220.0, 261.63, 329.63],
  [174.61, 220.0, 261.63],
  [196.0, 246.94, 293.66],
];
const NOTE_SEC = 0.3;
const NOTES_PER_CHORD = 6;
const LOOKAHEAD_SEC = 1;

/**
 * Generates hold music with Web Audio (no file to download) as a `MediaStreamTrack` that
 * `RTCRtpSender.replaceTrack` can send instead of the microphone, without renegotiation.
 *
 * @example
 * const music = createHoldMusic(audioContext);
 * await sender.replaceTrack(music.track); // hold
 * await sender.replaceTrack(micTrack); music.stop(); // resume
 */
export function createHoldMusic(context: AudioContext): HoldMusic {
  const destination = context.createMediaStreamDestination();
  const master = context.createGain();
  master.gain.value = 0.2;
  master.connect(destination);
  let step = 0;
  let next = context.currentTime + 0.05;

  const play = (frequency: number, at: number) => {
    const osc = context.createOscillator();
    const envelope = context.createGain();
    osc.type = 'triangle';
    osc.frequency.value = frequency;
    envelope.gain.setValueAtTime(0, at);
    envelope.gain.linearRampToValueAtTime(1, at + 0.02);
    envelope.gain.exponentialRampToValueAtTime(0.01, at + NOTE_SEC * 1.6);
    osc.connect(envelope).connect(master);
    osc.start(at);
    osc.stop(at + NOTE_SEC * 1.7);
  };

  // schedule a second ahead on a coarse timer: timers in background tabs are throttled
  const schedule = () => {
    while (next < context.currentTime + LOOKAHEAD_SEC) {
      const chord = CHORDS[Math.floor(step / NOTES_PER_CHORD) % CHORDS.length] ?? [];
      const frequency = chord[step % chord.length];
      if (frequency !== undefined) play(frequency, next);
      next += NOTE_SEC;
      step += 1;
    }
  };
  schedule();
  const timer = setInterval(schedule, 250);
  const [track] = destination.stream.getAudioTracks();
  if (!track) throw new Error('Web Audio gave no audio track for hold music');
  return {
    track,
    stop() {
      clearInterval(timer);
      master.disconnect();
      track.stop();
    },
  };
}
