// test-only: the two TURN requests a browser makes first (RFC 8656), over UDP, to check a relay
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

const MAGIC_COOKIE = 0x2112a442;
const BINDING = 0x0001;
const ALLOCATE = 0x0003;
const CREATE_PERMISSION = 0x0008;
const SUCCESS = 0x0100;
const ERROR = 0x0110;
const ATTR = {
  username: 0x0006,
  integrity: 0x0008,
  errorCode: 0x0009,
  realm: 0x0014,
  nonce: 0x0015,
  xorPeerAddress: 0x0012,
  xorRelayedAddress: 0x0016,
  requestedTransport: 0x0019,
} as const;

/** what the relay answered: success (with the relayed address for an allocation) or an error code */
export type TurnAnswer = { ok: true; relayed?: string } | { ok: false; code: number };

interface Message {
  type: number;
  attributes: Map<number, Buffer>;
}

function attribute(type: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(value.length, 2);
  const padding = Buffer.alloc((4 - (value.length % 4)) % 4);
  return Buffer.concat([head, value, padding]);
}

function encode(type: number, attributes: Buffer[], integrityKey?: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  randomBytes(12).copy(header, 8);
  const body = Buffer.concat(attributes);
  if (!integrityKey) {
    header.writeUInt16BE(body.length, 2);
    return Buffer.concat([header, body]);
  }
  // the HMAC covers the message with its length already counting the integrity attribute
  header.writeUInt16BE(body.length + 24, 2);
  const hmac = createHmac('sha1', integrityKey).update(header).update(body).digest();
  return Buffer.concat([header, body, attribute(ATTR.integrity, hmac)]);
}

function decode(packet: Buffer): Message {
  const attributes = new Map<number, Buffer>();
  const end = 20 + packet.readUInt16BE(2);
  for (let at = 20; at + 4 <= end;) {
    const type = packet.readUInt16BE(at);
    const length = packet.readUInt16BE(at + 2);
    attributes.set(type, packet.subarray(at + 4, at + 4 + length));
    at += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { type: packet.readUInt16BE(0), attributes };
}

function xorAddress(value: Buffer): string {
  const port = value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16);
  const ip = [0, 1, 2, 3].map(
    (i) => (value[4 + i] ?? 0) ^ ((MAGIC_COOKIE >>> (24 - 8 * i)) & 0xff),
  );
  return `${ip.join('.')}:${port}`;
}

function xorPeer(ip: string, port: number): Buffer {
  const value = Buffer.alloc(8);
  value.writeUInt8(0x01, 1); // IPv4
  value.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  ip.split('.').forEach((part, i) => {
    value[4 + i] = Number(part) ^ ((MAGIC_COOKIE >>> (24 - 8 * i)) & 0xff);
  });
  return value;
}

function errorCode(message: Message): number {
  const value = message.attributes.get(ATTR.errorCode);
  return value ? (value[2] ?? 0) * 100 + (value[3] ?? 0) : 0;
}

/**
 * A TURN client on one UDP socket, as a browser's ICE agent uses a relay: an Allocate that the
 * relay first answers 401 with its realm and nonce, then again with long-term credentials.
 *
 * @example
 * const turn = await openTurnClient(3478);
 * const allocation = await turn.allocate(username, password); // { ok: true, relayed: '127.0.0.1:49160' }
 * await turn.close();
 */
export async function openTurnClient(port: number, host = '127.0.0.1') {
  const socket: Socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  let auth: { attributes: Buffer[]; key: Buffer } | undefined;

  function exchange(packet: Buffer, timeoutMs = 5_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.off('message', onMessage);
        reject(new Error(`no answer from the TURN server on ${host}:${port}`));
      }, timeoutMs);
      const onMessage = (reply: Buffer) => {
        if (!reply.subarray(8, 20).equals(packet.subarray(8, 20))) return;
        clearTimeout(timer);
        socket.off('message', onMessage);
        resolve(decode(reply));
      };
      socket.on('message', onMessage);
      socket.send(packet, port, host);
    });
  }

  const answer = (message: Message, method: number): TurnAnswer => {
    if (message.type === (method | SUCCESS)) {
      const relayed = message.attributes.get(ATTR.xorRelayedAddress);
      return relayed ? { ok: true, relayed: xorAddress(relayed) } : { ok: true };
    }
    if (message.type === (method | ERROR)) return { ok: false, code: errorCode(message) };
    throw new Error(`unexpected TURN message type 0x${message.type.toString(16)}`);
  };

  return {
    /** whether the relay answers a STUN binding request over UDP within `timeoutMs` */
    async answers(timeoutMs = 250): Promise<boolean> {
      try {
        return (await exchange(encode(BINDING, []), timeoutMs)).type === (BINDING | SUCCESS);
      } catch {
        return false;
      }
    },
    /** a UDP relay for `username` / `password` (the TURN REST API credentials) */
    async allocate(username: string, password: string): Promise<TurnAnswer> {
      const transport = attribute(ATTR.requestedTransport, Buffer.from([17, 0, 0, 0]));
      const challenge = await exchange(encode(ALLOCATE, [transport]));
      if (challenge.type !== (ALLOCATE | ERROR) || errorCode(challenge) !== 401)
        return answer(challenge, ALLOCATE);
      const realm = challenge.attributes.get(ATTR.realm) ?? Buffer.alloc(0);
      const nonce = challenge.attributes.get(ATTR.nonce) ?? Buffer.alloc(0);
      const key = createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
      auth = {
        key,
        attributes: [
          attribute(ATTR.username, Buffer.from(username)),
          attribute(ATTR.realm, realm),
          attribute(ATTR.nonce, nonce),
        ],
      };
      return answer(
        await exchange(encode(ALLOCATE, [transport, ...auth.attributes], key)),
        ALLOCATE,
      );
    },
    /** asks the relay (after `allocate`) to let packets from `ip:port` through */
    async createPermission(ip: string, peerPort = 9): Promise<TurnAnswer> {
      if (!auth) throw new Error('allocate first');
      const peer = attribute(ATTR.xorPeerAddress, xorPeer(ip, peerPort));
      const reply = await exchange(encode(CREATE_PERMISSION, [peer, ...auth.attributes], auth.key));
      return answer(reply, CREATE_PERMISSION);
    },
    close(): Promise<void> {
      return new Promise((resolve) => socket.close(() => resolve()));
    },
  };
}
