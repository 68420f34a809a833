// test helpers of the media anchor, for this package's tests and the server's anchored-call tests
export { HEARD, SILENT, useJanusEngine } from './janus-fixture';
export { mediaHost } from './media-host';
export { TonePeer, type TonePeerOptions } from './tone-peer';
export { waitFor } from './wait-for';
