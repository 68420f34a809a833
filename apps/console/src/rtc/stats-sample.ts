/**
 * The figures the console reads from one `getStats()` report, audio only. Counters are
 * cumulative, as WebRTC reports them; `at` is the report's time in ms.
 */
export interface StatsSample {
  at: number;
  /** inbound-rtp (what the caller sends us) */
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
  /** seconds; undefined before the first packet */
  jitterSec?: number;
  totalAudioEnergy?: number;
  /** outbound-rtp (what we send) */
  packetsSent: number;
  bytesSent: number;
  /** seconds; remote-inbound-rtp, else the selected candidate pair */
  roundTripSec?: number;
}

/** one entry of an RTCStatsReport, loosely typed: browsers differ in what they fill in */
type StatsEntry = { type?: unknown; kind?: unknown; [key: string]: unknown };

/**
 * Reads a `getStats()` report into a {@link StatsSample}. Sums counters and audio energy over
 * the audio streams (Messenger's renegotiation gives two inbound ones: mid 0, on which Meta
 * sends nothing, and mid 1, the customer's voice), takes jitter from the stream that received
 * the most packets (the one that really carries audio), and RTT from RTCP receiver reports,
 * else from the nominated ICE pair.
 *
 * @example
 * const sample = readStatsSample(await pc.getStats(), performance.now());
 * console.log(sample.packetsReceived);
 */
export function readStatsSample(report: { values(): Iterable<unknown> }, at: number): StatsSample {
  const sample: StatsSample = {
    at,
    packetsReceived: 0,
    packetsLost: 0,
    bytesReceived: 0,
    packetsSent: 0,
    bytesSent: 0,
  };
  let pairRtt: number | undefined;
  let busiest = -1;
  // RTCStatsReport is map-like: its values are the stats objects
  for (const value of report.values()) {
    if (typeof value !== 'object' || value === null) continue;
    const entry = value as StatsEntry;
    const audio = entry.kind === undefined || entry.kind === 'audio';
    switch (entry.type) {
      case 'inbound-rtp':
        if (!audio) break;
        {
          const packets = num(entry['packetsReceived']);
          sample.packetsReceived += packets;
          // packetsLost can go negative with duplicates (rfc 3550); never count that as gain
          sample.packetsLost += Math.max(0, num(entry['packetsLost']));
          sample.bytesReceived += num(entry['bytesReceived']);
          if (packets > busiest) {
            busiest = packets;
            sample.jitterSec = optional(entry['jitter']) ?? sample.jitterSec;
          }
          const energy = optional(entry['totalAudioEnergy']);
          if (energy !== undefined)
            sample.totalAudioEnergy = (sample.totalAudioEnergy ?? 0) + energy;
          break;
        }
      case 'outbound-rtp':
        if (!audio) break;
        sample.packetsSent += num(entry['packetsSent']);
        sample.bytesSent += num(entry['bytesSent']);
        break;
      case 'remote-inbound-rtp':
        if (!audio) break;
        sample.roundTripSec = optional(entry['roundTripTime']) ?? sample.roundTripSec;
        break;
      case 'candidate-pair':
        if (entry['nominated'] === true && entry['state'] === 'succeeded') {
          pairRtt = optional(entry['currentRoundTripTime']) ?? pairRtt;
        }
        break;
      default:
        break;
    }
  }
  if (sample.roundTripSec === undefined && pairRtt !== undefined) sample.roundTripSec = pairRtt;
  return sample;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function optional(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
