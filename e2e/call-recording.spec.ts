import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { loadedDuration } from './support/media-element';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('call-recording');
const say = (text: string) => process.stderr.write(`call-recording: ${text}\n`);

const CALLER = { name: 'Grace Recorded', from: '447700900777' } as const;

describe('a call recorded by Meta', () => {
  it('plays back in the call detail, with its transcript', async () => {
    const { stack } = world();
    // the line records and transcribes its calls (as an admin would set it)
    const line = await stack.app.repos.channels.findChannelByExternalId(
      'whatsapp',
      stack.whatsapp.number.phoneNumberId,
    );
    if (!line) throw new Error('no seeded WhatsApp line');
    await stack.app.repos.channels.updateChannel(line.workspaceId, line.id, {
      mediaCapture: 'both',
      mediaPurpose: 'quality assurance',
      mediaAnnouncementLanguage: 'en_US',
    });

    const alex = await world().availableAgent();
    const call = await stack.placeCall('whatsapp', CALLER.name, { from: CALLER.from });
    await alex.acceptCallFrom(CALLER.name);
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    // the live card says the call is being recorded
    await alex.page.getByText('Recording', { exact: true }).waitFor();
    // talk both ways, measured at both ends (on a busy machine audio may start late): a
    // recording has something in it only once packets flowed
    await eventually(
      () => call.stats(),
      (s) => s.packetsReceived > 75,
      { timeoutMs: 20_000 },
    );
    await eventually(
      () => alex.audio(),
      (a) => a.packetsReceived > 75,
      { timeoutMs: 20_000 },
    );
    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });

    await alex.page.getByRole('link', { name: 'History', exact: true }).click();
    await alex.page.getByRole('heading', { name: 'Call history' }).waitFor();
    // Meta's files come after the call: reopen the detail until it lists them (on their way or
    // stored), then leave it open: it asks again by itself while a file is on its way
    const section = alex.page.getByRole('heading', { name: 'Recording and transcript' });
    await eventually(
      async () => {
        await alex.page.reload();
        await alex.page
          .getByRole('listitem')
          .filter({ hasText: CALLER.name })
          .getByRole('button')
          .first()
          .click();
        await alex.page.getByRole('heading', { name: 'Timeline' }).waitFor();
        await section.waitFor({ timeout: 2_000 }).catch(() => undefined);
        return section.count();
      },
      (shown) => shown > 0,
      { timeoutMs: 30_000, intervalMs: 1_000 },
    );
    const awaitedOnOpen = await alex.page.getByText(/is on its way/).count();
    say(`the detail opened with ${awaitedOnOpen} file(s) still on their way`);
    // the recording and the transcript are fetched from Meta apart: both appear without a reload
    await alex.page
      .getByRole('region', { name: CALLER.name })
      .locator('audio')
      .waitFor({ timeout: 30_000 });
    await alex.page.getByRole('button', { name: 'Show transcript' }).waitFor({ timeout: 30_000 });
    const audio = alex.page.getByLabel('Call recording');
    await audio.waitFor();

    // Chromium decodes the Ogg Opus file: it knows its length, and playing moves the clock
    const duration = await loadedDuration(audio);
    expect(duration).toBeGreaterThan(1);
    const advanced = await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          el.muted = true;
          el.addEventListener('timeupdate', function onTime() {
            if (el.currentTime > 0.3) {
              el.removeEventListener('timeupdate', onTime);
              el.pause();
              resolve(el.currentTime);
            }
          });
          el.play().catch(reject);
        }),
    );
    expect(advanced).toBeGreaterThan(0.3);
    await alex.page.getByRole('link', { name: 'Download recording' }).waitFor();

    await alex.page.getByRole('button', { name: 'Show transcript' }).click();
    const transcript = alex.page.getByRole('list', { name: 'Transcript' });
    await transcript.waitFor();
    expect(await transcript.innerText()).toContain('Customer: Hello, I am calling about my order.');
    await shots.take(alex.page, 'call-detail-recording');
  });
});
