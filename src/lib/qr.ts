/**
 * QR codes drawn at build time as SVG path data: no image files and no
 * JavaScript in the browser. The quiet zone is part of the drawing, so a code
 * stays scannable however the page around it is laid out or printed.
 */
import qrcode from 'qrcode-generator';

/** Modules of white around the code, as ISO/IEC 18004 requires. */
export const QUIET_ZONE = 4;

/**
 * Q restores up to a quarter of the code: a notice on an outdoor board gets
 * rained on, scratched and pinned through, and our URLs are short enough
 * that the code stays small.
 */
export type ErrorCorrection = 'M' | 'Q' | 'H';

export interface QrDrawing {
  /** Width and height in modules, quiet zone included: the SVG viewBox is 0 0 size size. */
  size: number;
  /** One closed sub-path per horizontal run of dark modules, in module units. */
  path: string;
}

export function qrDrawing(text: string, errorCorrection: ErrorCorrection = 'Q'): QrDrawing {
  // Type 0 lets the encoder choose the smallest version that holds the text.
  const code = qrcode(0, errorCorrection);
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const runs: string[] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!code.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && code.isDark(row, col)) col++;
      // Runs rather than single squares: fewer sub-paths, and no hairline seams between modules when printed.
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: runs.join('') };
}
