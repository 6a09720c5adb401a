/**
 * The parts every printed sheet has: its title, the QR code to the
 * compound's page, and a footer with the address and the date of its data.
 */
import { t } from '../../core/i18n/t.ts';
import { formatDate } from '../../core/lib/format.ts';
import { html, type SafeHtml } from '../../core/lib/html.ts';
import type { SheetData } from './print-data.ts';
import { qrCode } from './qr-code.ts';

/** The compound's name and what the sheet is, as the sheet's heading (`<id>-title`). */
export const sheetTitle = (id: string, name: string, kind: string): SafeHtml => html`
  <h2 id="${id}-title">
    <span class="sheet-name">${name}</span>
    <span class="sheet-kind">${kind}</span>
  </h2>`;

/** The QR code to the compound's page, with the words that invite a scan. */
export const sheetQr = (url: string, name: string): SafeHtml => html`
  <figure class="sheet-qr">
    ${qrCode(url, t('print.qrLabel', { name, url }))}
    <figcaption>${t('print.scanShort')}</figcaption>
  </figure>`;

/** The sheet's own lines, then the page's address, the date of the data and, for sample data, the label. */
export const sheetFooter = (lines: SafeHtml, url: string, site: SheetData['site']): SafeHtml => html`
  <footer class="sheet-foot">
    ${lines}
    <p>${t('print.url', { url })}　${t('print.dataDate', { date: formatDate(site.today) })}</p>
    ${site.sample_data && html`<p><strong>${t('sample.label')}</strong>${t('print.sample')}</p>`}
  </footer>`;
