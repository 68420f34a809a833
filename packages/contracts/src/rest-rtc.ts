import { z } from 'zod';

/**
 * One STUN or TURN server as `RTCPeerConnection` takes it. TURN entries carry short-lived
 * credentials (the TURN REST API scheme): a username `<unix expiry>:<user id>` and its HMAC.
 *
 * @example
 * iceServerSchema.parse({ urls: ['turn:turn.example.com:3478?transport=udp'], username: '1765000000:u_1', credential: 'q4…=' });
 */
export const iceServerSchema = z.object({
  urls: z
    .array(z.string().regex(/^(stun|stuns|turn|turns):/, 'must be a stun: or turn: URI'))
    .min(1),
  username: z.string().min(1).optional(),
  credential: z.string().min(1).optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

/**
 * `GET /api/rtc/ice`: how the signed-in user's browser finds a path to Meta. `relay` makes
 * the browser use TURN relays only (for testing, and networks that allow nothing else).
 * `expiresAt` is when the TURN credentials stop working (null without TURN): fetch again
 * before then.
 *
 * @example
 * iceConfigSchema.parse({ iceServers: [], iceTransportPolicy: 'all', expiresAt: null });
 */
export const iceConfigSchema = z.object({
  iceServers: z.array(iceServerSchema),
  iceTransportPolicy: z.enum(['all', 'relay']),
  expiresAt: z.iso.datetime().nullable(),
});
export type IceConfig = z.infer<typeof iceConfigSchema>;
