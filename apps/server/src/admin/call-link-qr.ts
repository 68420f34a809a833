import { correction, generate, mode, type Bitmap2D } from 'lean-qr';
import { toPngBuffer } from 'lean-qr/extras/node_export';
import { toSvgSource } from 'lean-qr/extras/svg';

/** modules of quiet zone around the code (ISO/IEC 18004 asks for 4) */
const QUIET_ZONE = 4;
/** pixels a module in the PNG: a version 4 code (33 modules) comes out 328 px wide */
const PNG_SCALE = 8;

/**
 * The QR code of a call link: byte mode (the URL as ASCII bytes, no ECI), error correction M,
 * the smallest version that holds it.
 *
 * @example
 * callLinkQr('https://wa.me/call/919129950000').size; // 25 (version 2)
 */
export function callLinkQr(url: string): Bitmap2D {
  return generate(mode.ascii(url), {
    minCorrectionLevel: correction.M,
    maxCorrectionLevel: correction.M,
  });
}

/**
 * A standalone SVG document of the link's QR code.
 *
 * @example
 * res.type('image/svg+xml').send(callLinkQrSvg(url));
 */
export function callLinkQrSvg(url: string): string {
  return toSvgSource(callLinkQr(url), { pad: QUIET_ZONE, scale: PNG_SCALE, xmlDeclaration: true });
}

/**
 * A PNG of the link's QR code, black on white, {@link PNG_SCALE} px a module.
 *
 * @example
 * res.type('image/png').send(callLinkQrPng(url));
 */
export function callLinkQrPng(url: string): Buffer {
  return Buffer.from(
    toPngBuffer(callLinkQr(url), {
      pad: QUIET_ZONE,
      scale: PNG_SCALE,
      on: [0, 0, 0, 255],
      off: [255, 255, 255, 255],
    }),
  );
}
