/**
 * A QR code for a URL, drawn at build time as inline SVG: it prints sharp at
 * any size and needs no image request and no script.
 */
import { html, type SafeHtml } from '../../core/lib/html.ts';
import { qrDrawing } from '../../core/lib/qr.ts';

/** `label` is what a screen reader says instead of the picture. */
export function qrCode(url: string, label: string): SafeHtml {
  const { size, path } = qrDrawing(url);
  return html`
    <svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${label}"
      shape-rendering="crispEdges" data-qr-url="${url}">
      <rect width="${size}" height="${size}" fill="#fff"></rect>
      <path d="${path}" fill="#000"></path>
    </svg>`;
}
