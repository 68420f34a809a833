import {
  msgrAcceptReplySchema,
  msgrCallPermissionsReplySchema,
  msgrCallSettingsReadSchema,
  msgrCallSettingsReplySchema,
  msgrConnectReplySchema,
  msgrMediaUpdateReplySchema,
  msgrSuccessReplySchema,
  type MsgrAcceptReply,
  type MsgrCallPermissionsReply,
  type MsgrCallSettingsBody,
  type MsgrCallSettingsRead,
  type MsgrConnectReply,
  type MsgrMediaUpdateReply,
} from '@ringside/contracts';
import { z } from 'zod';
import type { GraphCredentials } from './graph-credentials';
import type { GraphTransport } from './graph-transport';
import {
  messengerPermissionRequestBody,
  msgrPermissionRequestReplySchema,
  type MsgrPermissionRequestReply,
} from './messenger-permission-request';

/** one track's state in a `media_update` */
export interface MsgrTrack {
  msid: string;
  label: string;
  status: string;
}

/**
 * Messenger Platform calling actions, one typed method each (meta-calling.md §3.3, §3.4).
 *
 * @example
 * const reply = await messengerGraph(transport).accept(creds, callId, offer);
 * await pc.setRemoteDescription({ type: 'answer', sdp: reply.session.sdp_response.sdp });
 */
export function messengerGraph(transport: GraphTransport) {
  const calls = <T>(
    creds: GraphCredentials,
    operation: string,
    body: object,
    reply: z.ZodType<T>,
    maxAttempts?: number,
  ) =>
    transport.send({
      operation: `messenger.${operation}`,
      method: 'POST',
      node: creds.nodeId,
      edge: 'calls',
      accessToken: creds.accessToken,
      body: { platform: 'messenger', ...body },
      reply,
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    });

  return {
    accept: (creds: GraphCredentials, callId: string, offerSdp: string): Promise<MsgrAcceptReply> =>
      calls(
        creds,
        'accept',
        { action: 'accept', call_id: callId, session: { sdp_type: 'offer', sdp: offerSdp } },
        msgrAcceptReplySchema,
      ),
    reject: (creds: GraphCredentials, callId: string) =>
      calls(creds, 'reject', { action: 'reject', call_id: callId }, msgrSuccessReplySchema),
    terminate: (creds: GraphCredentials, callId: string) =>
      calls(creds, 'terminate', { action: 'terminate', call_id: callId }, msgrSuccessReplySchema),
    connect: (creds: GraphCredentials, psid: string, offerSdp: string): Promise<MsgrConnectReply> =>
      calls(
        creds,
        'connect',
        { action: 'connect', to: psid, session: { sdp_type: 'offer', sdp: offerSdp } },
        msgrConnectReplySchema,
        // never repeated: one that timed out may have placed the call all the same
        1,
      ),
    mediaUpdate: (
      creds: GraphCredentials,
      update: {
        callId: string;
        fromVersion: number;
        toVersion: number;
        tracks: MsgrTrack[];
        sdpType: 'offer' | 'answer';
        sdp: string;
      },
    ): Promise<MsgrMediaUpdateReply> =>
      calls(
        creds,
        'media_update',
        {
          action: 'media_update',
          call_id: update.callId,
          from_version: update.fromVersion,
          to_version: update.toVersion,
          tracks: update.tracks,
          session: { sdp_type: update.sdpType, sdp: update.sdp },
        },
        msgrMediaUpdateReplySchema,
      ),
    /** the Page's call settings: icon, audio, call routing (meta-calling.md §3.4) */
    getCallSettings: (creds: GraphCredentials): Promise<MsgrCallSettingsRead> =>
      transport.send({
        operation: 'messenger.call_settings_get',
        method: 'GET',
        node: creds.nodeId,
        edge: 'messenger_call_settings',
        accessToken: creds.accessToken,
        reply: msgrCallSettingsReadSchema,
      }),
    /** the call icon in the Page's threads, the one field Meta's *Call Settings* page writes */
    updateCallSettings: (creds: GraphCredentials, body: MsgrCallSettingsBody) =>
      transport.send({
        operation: 'messenger.call_settings_update',
        method: 'POST',
        node: creds.nodeId,
        edge: 'messenger_call_settings',
        accessToken: creds.accessToken,
        body,
        reply: msgrCallSettingsReplySchema,
      }),
    /** the Page itself, read with its token: Meta answers only a token that may act for it */
    describePage: (creds: GraphCredentials) =>
      transport.send({
        operation: 'messenger.page_get',
        method: 'GET',
        node: creds.nodeId,
        edge: '',
        accessToken: creds.accessToken,
        query: { fields: 'id,name' },
        reply: z.looseObject({ id: z.string(), name: z.string().optional() }),
      }),
    callPermissions: (creds: GraphCredentials, psid: string): Promise<MsgrCallPermissionsReply> =>
      transport.send({
        operation: 'messenger.call_permissions',
        method: 'GET',
        node: creds.nodeId,
        edge: 'messenger_call_permissions',
        accessToken: creds.accessToken,
        query: { psid },
        reply: msgrCallPermissionsReplySchema,
      }),
    /** asks the user to allow calls (the request's shape is unconfirmed: see its module) */
    requestPermission: (
      creds: GraphCredentials,
      psid: string,
    ): Promise<MsgrPermissionRequestReply> =>
      transport.send({
        operation: 'messenger.permission_request',
        method: 'POST',
        node: creds.nodeId,
        edge: 'messages',
        accessToken: creds.accessToken,
        body: messengerPermissionRequestBody(psid),
        reply: msgrPermissionRequestReplySchema,
        // a repeat would be a second message to the customer
        maxAttempts: 1,
      }),
  };
}

export type MessengerGraph = ReturnType<typeof messengerGraph>;
