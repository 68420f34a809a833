// pnpm bench (in packages/anchor): what the anchor costs. Mouth-to-ear from the customer's first
// tone packet (after 1.5 s of silence on the same stream) to the agent's first loud decoded packet, through Janus at several prebuffer
// depths and directly (werift to werift) as the baseline; then the engine's CPU and memory
// with several calls carrying tone both ways. Figures depend on the machine: quote them with it.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { AnchorEngine } from '../src/client/anchor-engine';
import { JanusProcess } from '../src/engine/janus-process';
import { mediaHost } from '../src/testing/media-host';
import { TonePeer } from '../src/testing/tone-peer';
import { waitFor } from '../src/testing/wait-for';

const RUNS = Number(process.env.ANCHOR_BENCH_RUNS ?? 7);
const CALLS = Number(process.env.ANCHOR_BENCH_CALLS ?? 5);
const LOAD_SECONDS = Number(process.env.ANCHOR_BENCH_SECONDS ?? 10);
const SETTLE_MS = 1500;
const host = mediaHost();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

// silence first, so jitter buffers and the mixer have settled, then the tone: its first loud
// packet at the far end, less when it left
async function toneOnset(customer: TonePeer, agent: TonePeer): Promise<number> {
  customer.play({ silentFirst: true });
  await delay(SETTLE_MS);
  customer.toneOn();
  await waitFor('the agent hears the tone', () => agent.firstHeardAt !== null);
  return (agent.firstHeardAt ?? 0) - (customer.firstSentAt ?? 0);
}

async function onsetThroughAnchor(client: AnchorEngine, prebuffer: number | undefined) {
  const room = await client.createRoom(
    'bench',
    prebuffer === undefined ? {} : { prebufferPackets: prebuffer },
  );
  const customer = new TonePeer({ host, frequencyHz: 440, shape: 'meta' });
  const agent = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
  try {
    for (const [id, peer] of [
      ['customer', customer],
      ['agent', agent],
    ] as const) {
      const { answer } = await room.addLegFromOffer(id, await peer.offer());
      await peer.accept(answer);
    }
    await Promise.all([customer.connected(), agent.connected()]);
    return await toneOnset(customer, agent);
  } finally {
    await customer.close();
    await agent.close();
    await room.destroy();
  }
}

async function onsetDirect() {
  const customer = new TonePeer({ host, frequencyHz: 440, shape: 'browser' });
  const agent = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
  try {
    await customer.accept(await agent.answer(await customer.offer()));
    await Promise.all([customer.connected(), agent.connected()]);
    return await toneOnset(customer, agent);
  } finally {
    await customer.close();
    await agent.close();
  }
}

function engineUsage(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (1-based), in clock ticks (100 per second)
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuSeconds: ticks / 100, rssMb: Number(rss) / 1024 };
}

async function load(client: AnchorEngine, pid: number) {
  const idle = engineUsage(pid);
  const peers: TonePeer[] = [];
  for (let call = 0; call < CALLS; call++) {
    const room = await client.createRoom(`load-${call}`, { prebufferPackets: 2 });
    for (const id of ['customer', 'agent']) {
      const peer = new TonePeer({
        host,
        frequencyHz: 440 + 110 * call,
        shape: id === 'customer' ? 'meta' : 'browser',
      });
      peers.push(peer);
      const { answer } = await room.addLegFromOffer(id, await peer.offer());
      await peer.accept(answer);
    }
  }
  await Promise.all(peers.map((peer) => peer.connected()));
  for (const peer of peers) peer.play();
  await delay(1000);
  const before = engineUsage(pid);
  await delay(LOAD_SECONDS * 1000);
  const after = engineUsage(pid);
  const heard = peers.filter((peer) => peer.level() > 0.05).length;
  for (const peer of peers) await peer.close();
  return {
    cpuPercentPerCall: ((after.cpuSeconds - before.cpuSeconds) / LOAD_SECONDS / CALLS) * 100,
    rssMbPerCall: (after.rssMb - idle.rssMb) / CALLS,
    idleRssMb: idle.rssMb,
    legsHearingTone: `${heard}/${peers.length}`,
  };
}

const engine = await JanusProcess.start({ iceEnforceList: host });
const client = await AnchorEngine.connect(engine.url);
try {
  console.log(
    `anchor bench on ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, janus ${engine.url}`,
  );
  const direct: number[] = [];
  for (let i = 0; i < RUNS; i++) direct.push(await onsetDirect());
  console.log(
    `mouth-to-ear direct (werift↔werift): median ${median(direct)} ms  [${direct.join(', ')}]`,
  );
  for (const prebuffer of [1, 2, 4, undefined]) {
    const through: number[] = [];
    for (let i = 0; i < RUNS; i++) through.push(await onsetThroughAnchor(client, prebuffer));
    const label = prebuffer === undefined ? 'default (6)' : String(prebuffer);
    console.log(
      `mouth-to-ear through janus, prebuffer ${label}: median ${median(through)} ms, added ${median(through) - median(direct)} ms  [${through.join(', ')}]`,
    );
  }
  const figures = await load(client, engine.pid ?? 0);
  console.log(
    `${CALLS} calls × 2 legs, ${LOAD_SECONDS} s: janus CPU ${figures.cpuPercentPerCall.toFixed(2)} % of a core per call, ` +
      `RSS +${figures.rssMbPerCall.toFixed(1)} MB per call (idle ${figures.idleRssMb.toFixed(1)} MB), legs hearing tone ${figures.legsHearingTone}`,
  );
} finally {
  await client.close();
  await engine.stop();
}
