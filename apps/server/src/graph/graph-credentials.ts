/** which number or Page a request is for, and its token (decrypted just before use, never logged) */
export interface GraphCredentials {
  /** WhatsApp phone-number id or Facebook Page id */
  nodeId: string;
  accessToken: string;
}
