/**
 * The 执法部门职责及联系人公告牌 of one compound (policy §三(一)4): what each
 * department does for compounds and how to reach it, then the compound's own
 * 社区 and property contacts, on one A4 page.
 */
import { t } from '../../core/i18n/t.ts';
import { html, type SafeHtml } from '../../core/lib/html.ts';
import type { SheetData } from './print-data.ts';
import { boardRows, compoundUrl, propertyContacts } from './print-view.ts';
import { sheetFooter, sheetQr, sheetTitle } from './sheet-parts.ts';

export function boardSheet({ record, community, company, departments, site }: SheetData): SafeHtml {
  const c = record.compound;
  const url = compoundUrl(site.base_url, record.slug);
  const id = `board-${record.slug}`;
  const rows = boardRows(departments, community).map(
    (row) => html`
      <tr${row.ownCommunity && html` data-own`}>
        <th scope="row">
          ${row.name}
          ${row.contact && html`<span class="sheet-note">${row.contact}</span>`}
        </th>
        <td>${row.duty}</td>
        <td><span class="sheet-phone">${row.phone}</span></td>
      </tr>`,
  );
  const contacts = propertyContacts(record, company, community).map(
    (contact) => html`
      <div>
        <dt>
          ${contact.label}
          ${contact.note && html`<span class="board-contact-note">${contact.note}</span>`}
        </dt>
        <dd>
          ${contact.text && html`<span class="sheet-value">${contact.text}</span>`}
          ${contact.phone && html`<span class="sheet-phone">${contact.phone}</span>`}
        </dd>
      </div>`,
  );
  return html`
    <article class="sheet board" aria-labelledby="${id}-title">
      <header class="sheet-head">
        <div class="sheet-heading">
          ${sheetTitle(id, c.name, t('board.heading'))}
          <p class="sheet-meta board-intro">${t('board.intro', { county: site.county })}</p>
        </div>
      </header>
      <table class="board-table">
        <caption class="visually-hidden">${t('board.tableCaption', { name: c.name })}</caption>
        <thead>
          <tr>
            <th scope="col">${t('board.department')}</th>
            <th scope="col">${t('board.duty')}</th>
            <th scope="col">${t('board.phone')}</th>
          </tr>
        </thead>
        <tbody>${rows}</tbody>
      </table>
      <div class="board-own">
        <section class="sheet-part">
          <h3>${t('board.ownTitle')}</h3>
          <dl class="board-contacts">${contacts}</dl>
        </section>
        ${sheetQr(url, c.name)}
      </div>
      ${sheetFooter(html`<p class="sheet-invite">${t('board.emergency')}</p><p>${t('board.basis')}</p>`, url, site)}
    </article>`;
}
