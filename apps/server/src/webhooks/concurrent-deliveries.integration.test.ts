import { sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { recordEvents, useStack, waitUntil } from '../testing/test-stack';

const stack = useStack();

describe('deliveries that arrive at the same moment', () => {
  it('are all stored and acknowledged, and every call rings once', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const callIds = Array.from({ length: 8 }, () => newWhatsAppCallId());
    const bodies = callIds.map((callId, i) =>
      JSON.stringify(whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId, name: `C${i}` })),
    );
    // a retry racing its original: the same body twice in one burst
    bodies.push(bodies[0] as string);
    const answers = await Promise.all(bodies.map((body) => stack().postWebhook(body)));
    expect(answers.map((res) => res.status)).toEqual(bodies.map(() => 200));

    await waitUntil('every call rings', () => seen.of('call:ringing').length >= callIds.length);
    await stack().settled();
    const rung = seen.of('call:ringing').map((r) => r.caller.name);
    expect([...rung].sort()).toEqual(callIds.map((_id, i) => `C${i}`).sort());
    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items.map((c) => c.metaCallId).sort()).toEqual([...callIds].sort());
  });

  it('one the database refuses fails alone: the others beside it are still stored', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const good = Array.from({ length: 4 }, () => newWhatsAppCallId());
    const bodies = good.map((callId, i) =>
      JSON.stringify(whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId, name: `Ok${i}` })),
    );
    // the database itself refuses this one (a trigger stands in for whatever a real one might
    // refuse: every character Meta can send is stored, see unstorable-characters)
    await refuseReceiptsContaining('refuse-me');
    const refused = JSON.stringify(
      whatsappConnect({
        phoneNumberId: ws.phoneNumberId,
        callId: newWhatsAppCallId(),
        name: 'refuse-me',
      }),
    );
    bodies.splice(2, 0, refused);
    const answers = await Promise.all(bodies.map((body) => stack().postWebhook(body)));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 503, 200, 200]);

    await waitUntil('the four good calls ring', () => seen.of('call:ringing').length >= 4);
    await stack().settled();
    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items.map((c) => c.metaCallId).sort()).toEqual([...good].sort());
  });
});

async function refuseReceiptsContaining(marker: string): Promise<void> {
  const { db } = stack().database;
  await db.execute(
    sql.raw(`create or replace function refuse_marked_receipt() returns trigger as $$
      begin
        if new.raw like '%${marker}%' then raise exception 'refused for the test'; end if;
        return new;
      end $$ language plpgsql`),
  );
  await db.execute(
    sql.raw(`create or replace trigger refuse_marked_receipt before insert on webhook_receipts
      for each row execute function refuse_marked_receipt()`),
  );
  onTestFinished(async () => {
    await db.execute(sql.raw('drop trigger refuse_marked_receipt on webhook_receipts'));
  });
}
