/**
 * The 公示 notice posted in a compound: the five disclosures in brief on one
 * A4 page, with a QR code that leads to the full, current page. Paper goes
 * out of date, so it says the date of its data and invites residents to scan.
 */
import { t } from '../../core/i18n/t.ts';
import { formatDate, formatQuarter } from '../../core/lib/format.ts';
import { html, type SafeHtml } from '../../core/lib/html.ts';
import { formatYuan } from '../../core/lib/money.ts';
import { latestQuarterView } from '../../core/model/compound-view.ts';
import { hotlineLines } from '../../core/model/hotlines.ts';
import type { SheetData } from './print-data.ts';
import { compoundUrl, noticeFees } from './print-view.ts';
import { sheetFooter, sheetQr, sheetTitle } from './sheet-parts.ts';

const NUMBERS = ['一', '二', '三', '四', '五'];

export function noticeSheet({ record, community, company, site }: SheetData): SafeHtml {
  const c = record.compound;
  const url = compoundUrl(site.base_url, record.slug);
  const id = `notice-${record.slug}`;
  const fees = noticeFees(record, site.today);
  const hotlines = hotlineLines(record, community, site);
  const account = c.public_revenue;
  const quarter = latestQuarterView(record);
  const part = (n: number, section: Parameters<typeof t>[0]) =>
    t('notice.part', { number: NUMBERS[n - 1] ?? '', title: t(section) });
  const missing = html`<p class="sheet-missing">${t('section.notPublished')}</p>`;

  const manager = html`
    <section class="sheet-part">
      <h3>${part(1, 'section.manager')}</h3>
      ${c.management !== 'professional' && html`<p>${t(`management.${c.management}`)}</p>`}
      ${company && html`<p class="sheet-value">${company.name}</p>`}
      ${
        c.manager &&
        html`
          <dl class="sheet-facts">
            <dt>${t('manager.name')}</dt>
            <dd>${c.manager.name}</dd>
            <dt>${t('manager.phone')}</dt>
            <dd class="sheet-phone">${c.manager.phone}</dd>
          </dl>`
      }
      ${c.management === 'professional' && !c.manager && missing}
    </section>`;

  const serviceItems = [...new Set(c.services?.items.map((s) => s.category))].join('、');
  const services = html`
    <section class="sheet-part">
      <h3>${part(2, 'section.services')}</h3>
      ${
        c.services
          ? html`
            <p class="notice-grade">${t('services.grade', { grade: c.services.grade })}</p>
            <p class="sheet-small">${t('notice.serviceItems', { items: serviceItems })}</p>`
          : missing
      }
    </section>`;

  const feeRows = fees.map(
    (fee) => html`
      <tr>
        <th scope="row">${fee.item}</th>
        <td>${fee.payer}</td>
        <td>
          <strong>${fee.price ?? t('fee.notYetInForce')}</strong>
          ${fee.changes.map((change) => html`<span class="notice-change">${change}</span>`)}
        </td>
        <td>${fee.priceForm}</td>
      </tr>`,
  );
  const feeTable =
    fees.length > 0
      ? html`
        <table class="notice-fees">
          <thead>
            <tr>
              <th scope="col">${t('notice.feeItem')}</th>
              <th scope="col">${t('fee.payer')}</th>
              <th scope="col">${t('notice.feePrice')}</th>
              <th scope="col">${t('fee.priceForm')}</th>
            </tr>
          </thead>
          <tbody>${feeRows}</tbody>
        </table>`
      : missing;

  const phones = html`
    <section class="sheet-part">
      <h3>${part(4, 'section.hotlines')}</h3>
      ${!c.hotlines && html`<p class="sheet-missing">${t('notice.ownLinesMissing')}</p>`}
      <ul class="sheet-phones" role="list">
        ${hotlines.map(
          (line) => html`
            <li>
              <span class="sheet-phone-label">${line.label}</span>
              <span class="sheet-phone">${line.phone}</span>
              ${line.note && html`<span class="sheet-note">${line.note}</span>`}
            </li>`,
        )}
      </ul>
    </section>`;

  const figure = (label: Parameters<typeof t>[0], fen: number) =>
    html`<div><dt>${t(label)}</dt><dd>${formatYuan(fen)}</dd></div>`;
  const latest =
    account &&
    quarter &&
    html`
      <p>${t('notice.quarter', { quarter: formatQuarter(quarter.quarter), date: formatDate(quarter.published) })}</p>
      <dl class="notice-figures">
        ${figure('revenue.incomeTotal', quarter.incomeTotal)}
        ${figure('revenue.expenseTotal', quarter.expenseTotal)}
        ${figure('revenue.ownerShare', quarter.owner_share)}
        ${figure('revenue.toFund', quarter.to_maintenance_fund)}
        ${figure('revenue.balance', quarter.balance)}
      </dl>
      <p class="sheet-small">${t('notice.account', {
        holder: account.account_holder,
        bank: account.bank,
        last4: account.account_last4,
      })}</p>`;
  const revenue = html`
    <section class="sheet-part">
      <h3>${part(5, 'section.public-revenue')}</h3>
      ${!account && missing}
      ${account && !quarter && html`<p class="sheet-missing">${t('revenue.none')}</p>`}
      ${latest}
    </section>`;

  return html`
    <article class="sheet notice" aria-labelledby="${id}-title">
      <div class="notice-top">
        <header class="sheet-head">
          ${sheetTitle(id, c.name, t('notice.heading'))}
          <p class="sheet-meta">${t('notice.meta', { address: c.address, community: community.name })}</p>
        </header>
        ${sheetQr(url, c.name)}
        <div class="notice-pair">${manager}${services}</div>
      </div>
      <section class="sheet-part">
        <h3>${part(3, 'section.fees')}</h3>
        ${feeTable}
      </section>
      ${phones}
      ${revenue}
      ${sheetFooter(html`<p class="sheet-invite">${t('print.scanLong')}</p>`, url, site)}
    </article>`;
}
