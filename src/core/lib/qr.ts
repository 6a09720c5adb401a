/**
 * QR codes drawn at build time as SVG path data: no image files and no
 * JavaScript in the browser. The quiet zone is part of the drawing, so a code
 * stays scannable however the page around it is laid out or printed.
 */
import { correction, generate } from 'lean-qr';
import { memoize } from './memo.ts';

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

// A notice, a board and the 社区's print-all sheet all carry the same compound's code: draw it once per build.
const drawn = memoize(draw);

/**
 * lean-qr rather than a classic encoder: choosing the best of the eight masks
 * is most of the work, and it does that about four times faster, which at
 * 10,000 compounds is the difference between seconds and a minute of build.
 */
function draw(key: string): QrDrawing {
  const errorCorrection = key.slice(0, 1) as ErrorCorrection;
  const text = key.slice(2);
  // The smallest version that holds the text, at exactly the level asked for.
  const level = correction[errorCorrection];
  const code = generate(text, { minCorrectionLevel: level, maxCorrectionLevel: level });
  const count = code.size;
  const runs: string[] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!code.get(col, row)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && code.get(col, row)) col++;
      // Runs rather than single squares: fewer sub-paths, and no hairline seams between modules when printed.
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: runs.join('') };
}

export const qrDrawing = (text: string, errorCorrection: ErrorCorrection = 'Q'): QrDrawing =>
  drawn(`${errorCorrection} ${text}`);
