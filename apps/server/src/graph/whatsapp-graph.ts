import {
  isBsuid,
  waCallPermissionsReplySchema,
  waConnectReplySchema,
  waMessageSentReplySchema,
  waMediaUrlReplySchema,
  waSuccessReplySchema,
  type WaCallingSettings,
  type WaCallPermissionsReply,
  type WaConnectReply,
  type WaMessageSentReply,
} from '@ringside/contracts';
import { z } from 'zod';
import { customerAddress } from './customer-address';
import { mediaOptIn, type MediaPolicy } from './media-opt-in';
import type { GraphCredentials } from './graph-credentials';
import type { GraphTransport } from './graph-transport';
import type { PermissionTemplate } from '@ringside/contracts/permission-template';

const product = { messaging_product: 'whatsapp' } as const;
const settingsReplySchema = z.looseObject({ calling: z.unknown().optional() });

/**
 * WhatsApp Cloud API calling actions, one typed method each (meta-calling.md §2.5, §2.8, §2.9).
 *
 * @example
 * const wa = whatsappGraph(transport);
 * await wa.preAccept(creds, callId, answer);
 * await wa.accept(creds, callId, answer); // the same bytes
 */
export function whatsappGraph(transport: GraphTransport) {
  /** a permission request to one customer, free-form or template: `POST /{number}/messages` */
  const sendPermissionRequest = (
    creds: GraphCredentials,
    operation: string,
    to: string,
    content: Record<string, unknown>,
  ): Promise<WaMessageSentReply> =>
    transport.send({
      operation,
      method: 'POST',
      node: creds.nodeId,
      edge: 'messages',
      accessToken: creds.accessToken,
      body: { ...product, recipient_type: 'individual', ...customerAddress(to), ...content },
      reply: waMessageSentReplySchema,
      // a repeat would be a second message to the customer (and counts against Meta's limit)
      maxAttempts: 1,
    });
  const calls = <T>(
    creds: GraphCredentials,
    operation: string,
    body: object,
    reply: z.ZodType<T>,
    maxAttempts?: number,
  ) =>
    transport.send({
      operation: `whatsapp.${operation}`,
      method: 'POST',
      node: creds.nodeId,
      edge: 'calls',
      accessToken: creds.accessToken,
      body: { ...product, ...body },
      reply,
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    });

  return {
    preAccept: (creds: GraphCredentials, callId: string, sdp: string) =>
      calls(
        creds,
        'pre_accept',
        { action: 'pre_accept', call_id: callId, session: { sdp_type: 'answer', sdp } },
        waSuccessReplySchema,
      ),
    accept: (
      creds: GraphCredentials,
      callId: string,
      sdp: string,
      bizOpaqueCallbackData?: string,
      media?: MediaPolicy,
    ) =>
      calls(
        creds,
        'accept',
        {
          action: 'accept',
          call_id: callId,
          session: { sdp_type: 'answer', sdp },
          ...(bizOpaqueCallbackData === undefined
            ? {}
            : { biz_opaque_callback_data: bizOpaqueCallbackData }),
          ...mediaOptIn(media),
        },
        waSuccessReplySchema,
      ),
    reject: (creds: GraphCredentials, callId: string) =>
      calls(creds, 'reject', { action: 'reject', call_id: callId }, waSuccessReplySchema),
    terminate: (creds: GraphCredentials, callId: string) =>
      calls(creds, 'terminate', { action: 'terminate', call_id: callId }, waSuccessReplySchema),
    connect: (
      creds: GraphCredentials,
      to: string,
      sdp: string,
      bizOpaqueCallbackData?: string,
      media?: MediaPolicy,
    ): Promise<WaConnectReply> =>
      calls(
        creds,
        'connect',
        {
          action: 'connect',
          ...customerAddress(to),
          session: { sdp_type: 'offer', sdp },
          ...(bizOpaqueCallbackData === undefined
            ? {}
            : { biz_opaque_callback_data: bizOpaqueCallbackData }),
          ...mediaOptIn(media),
        },
        waConnectReplySchema,
        // never repeated: one that timed out may have placed the call all the same
        1,
      ),
    callPermissions: (creds: GraphCredentials, userWaId: string): Promise<WaCallPermissionsReply> =>
      transport.send({
        operation: 'whatsapp.call_permissions',
        method: 'GET',
        node: creds.nodeId,
        edge: 'call_permissions',
        accessToken: creds.accessToken,
        query: isBsuid(userWaId) ? { recipient: userWaId } : { user_wa_id: userWaId },
        reply: waCallPermissionsReplySchema,
      }),
    requestPermission: (
      creds: GraphCredentials,
      to: string,
      text: string,
    ): Promise<WaMessageSentReply> =>
      sendPermissionRequest(creds, 'whatsapp.permission_request', to, {
        type: 'interactive',
        interactive: {
          type: 'call_permission_request',
          action: { name: 'call_permission_request' },
          body: { text },
        },
      }),
    /**
     * The call permission request as an approved template (outside the customer service
     * window): the template's approved structure holds the `call_permission_request` component,
     * so the send names it and its language only (*User call permissions*, send template).
     */
    requestPermissionWithTemplate: (
      creds: GraphCredentials,
      to: string,
      template: PermissionTemplate,
    ): Promise<WaMessageSentReply> =>
      sendPermissionRequest(creds, 'whatsapp.permission_request_template', to, {
        type: 'template',
        template: { name: template.name, language: { code: template.language } },
      }),
    /** the number itself, read with its token: Meta answers only a token that may act for it */
    describeNumber: (creds: GraphCredentials) =>
      transport.send({
        operation: 'whatsapp.number_get',
        method: 'GET',
        node: creds.nodeId,
        edge: '',
        accessToken: creds.accessToken,
        query: { fields: 'id,display_phone_number' },
        reply: z.looseObject({ id: z.string(), display_phone_number: z.string().optional() }),
      }),
    /** `GET /{media-id}`: where a recording or transcript can be downloaded, with the same token */
    mediaUrl: (creds: GraphCredentials, mediaId: string) =>
      transport.send({
        operation: 'whatsapp.media_get',
        method: 'GET',
        node: mediaId,
        edge: '',
        accessToken: creds.accessToken,
        reply: waMediaUrlReplySchema,
      }),
    getSettings: (creds: GraphCredentials) =>
      transport.send({
        operation: 'whatsapp.settings_get',
        method: 'GET',
        node: creds.nodeId,
        edge: 'settings',
        accessToken: creds.accessToken,
        reply: settingsReplySchema,
      }),
    updateSettings: (creds: GraphCredentials, calling: WaCallingSettings) =>
      transport.send({
        operation: 'whatsapp.settings_update',
        method: 'POST',
        node: creds.nodeId,
        edge: 'settings',
        accessToken: creds.accessToken,
        body: { calling },
        reply: z.looseObject({ success: z.boolean() }),
      }),
  };
}

export type WhatsAppGraph = ReturnType<typeof whatsappGraph>;
