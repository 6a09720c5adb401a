/**
 * The 公示 notice posted in a compound: the five disclosures in brief on one
 * A4 page, with a QR code that leads to the full, current page. Paper goes
 * out of date, so it says the date of its data and invites residents to scan.
 */
import { t } from '../i18n/t.ts';
import { formatDate, formatQuarter } from '../lib/format.ts';
import { html, type SafeHtml } from '../lib/html.ts';
import { formatYuan } from '../lib/money.ts';
import { quarterViews } from '../model/compound-view.ts';
import { hotlineLines } from '../model/hotlines.ts';
import type { SheetData } from '../model/print-data.ts';
import { compoundUrl, noticeFees } from '../model/print-view.ts';
import { qrCode } from './qr-code.ts';

const NUMBERS = ['一', '二', '三', '四', '五'];

export function noticeSheet({ record, community, company, site }: SheetData): SafeHtml {
  const c = record.compound;
  const url = compoundUrl(site.base_url, record.slug);
  const id = `notice-${record.slug}`;
  const fees = noticeFees(record, site.today);
  const hotlines = hotlineLines(record, community, site);
  const account = c.public_revenue;
  const quarter = quarterViews(record)[0];
  const part = (n: number, section: Parameters<typeof t>[0]) =>
    t('notice.part', { number: NUMBERS[n - 1] ?? '', title: t(section) });
  const missing = html`<p class="sheet-missing">${t('section.notPublished')}</p>`;

  const manager = html`<section class="sheet-part"><h3>${part(1, 'section.manager')}</h3>${
    c.management !== 'professional' && html`<p>${t(`management.${c.management}`)}</p>`
  }${company && html`<p class="sheet-value">${company.name}</p>`}${
    c.manager &&
    html`<dl class="sheet-facts"><dt>${t('manager.name')}</dt><dd>${c.manager.name}</dd><dt>${t('manager.phone')}</dt><dd class="sheet-phone">${c.manager.phone}</dd></dl>`
  }${c.management === 'professional' && !c.manager && missing}</section>`;

  const services = html`<section class="sheet-part"><h3>${part(2, 'section.services')}</h3>${
    c.services
      ? html`<p class="notice-grade">${t('services.grade', { grade: c.services.grade })}</p><p class="sheet-small">${t(
          'notice.serviceItems',
          { items: [...new Set(c.services.items.map((s) => s.category))].join('、') },
        )}</p>`
      : missing
  }</section>`;

  const feeTable =
    fees.length > 0
      ? html`<table class="notice-fees"><thead><tr><th scope="col">${t('notice.feeItem')}</th><th scope="col">${t('fee.payer')}</th><th scope="col">${t('notice.feePrice')}</th><th scope="col">${t('fee.priceForm')}</th></tr></thead><tbody>${fees.map(
          (fee) =>
            html`<tr><th scope="row">${fee.item}</th><td>${fee.payer}</td><td><strong>${fee.price ?? t('fee.notYetInForce')}</strong>${fee.changes.map(
              (change) => html`<span class="notice-change">${change}</span>`,
            )}</td><td>${fee.priceForm}</td></tr>`,
        )}</tbody></table>`
      : missing;

  const phones = html`<section class="sheet-part"><h3>${part(4, 'section.hotlines')}</h3>${
    !c.hotlines && html`<p class="sheet-missing">${t('notice.ownLinesMissing')}</p>`
  }<ul class="sheet-phones" role="list">${hotlines.map(
    (line) =>
      html`<li><span class="sheet-phone-label">${line.label}</span><span class="sheet-phone">${line.phone}</span>${
        line.note && html`<span class="sheet-note">${line.note}</span>`
      }</li>`,
  )}</ul></section>`;

  const revenue = html`<section class="sheet-part"><h3>${part(5, 'section.public-revenue')}</h3>${!account && missing}${
    account && !quarter && html`<p class="sheet-missing">${t('revenue.none')}</p>`
  }${
    account &&
    quarter &&
    html`<p>${t('notice.quarter', { quarter: formatQuarter(quarter.quarter), date: formatDate(quarter.published) })}</p><dl class="notice-figures"><div><dt>${t('revenue.incomeTotal')}</dt><dd>${formatYuan(quarter.incomeTotal)}</dd></div><div><dt>${t('revenue.expenseTotal')}</dt><dd>${formatYuan(quarter.expenseTotal)}</dd></div><div><dt>${t('revenue.ownerShare')}</dt><dd>${formatYuan(quarter.owner_share)}</dd></div><div><dt>${t('revenue.toFund')}</dt><dd>${formatYuan(quarter.to_maintenance_fund)}</dd></div><div><dt>${t('revenue.balance')}</dt><dd>${formatYuan(quarter.balance)}</dd></div></dl><p class="sheet-small">${t(
      'notice.account',
      { holder: account.account_holder, bank: account.bank, last4: account.account_last4 },
    )}</p>`
  }</section>`;

  return html`<article class="sheet notice" aria-labelledby="${id}-title"><div class="notice-top"><header class="sheet-head"><h2 id="${id}-title"><span class="sheet-name">${c.name}</span><span class="sheet-kind">${t('notice.heading')}</span></h2><p class="sheet-meta">${t('notice.meta', { address: c.address, community: community.name })}</p></header><figure class="sheet-qr">${qrCode(url, t('print.qrLabel', { name: c.name, url }))}<figcaption>${t('print.scanShort')}</figcaption></figure><div class="notice-pair">${manager}${services}</div></div><section class="sheet-part"><h3>${part(3, 'section.fees')}</h3>${feeTable}</section>${phones}${revenue}<footer class="sheet-foot"><p class="sheet-invite">${t('print.scanLong')}</p><p>${t('print.url', { url })}　${t('print.dataDate', { date: formatDate(site.today) })}</p>${
    site.sample_data && html`<p><strong>${t('sample.label')}</strong>${t('print.sample')}</p>`
  }</footer></article>`;
}
