/**
 * Fees (收费项目及标准): a new price is posted at least a month before it
 * takes effect (明码标价规定), and a 政府指导价 stays within its band. A
 * price outside its band is published and flagged for residents and
 * 市场监管局 to act on; only a malformed number stops the build.
 */
import { publicationDate } from '../data/received.ts';
import { rowKey } from '../data/tables.ts';
import { t } from '../i18n/t.ts';
import { addMonths } from '../lib/calendar.ts';
import { formatDate } from '../lib/format.ts';
import { formatYuan } from '../lib/money.ts';
import { feeLines } from '../model/fee-lines.ts';
import { guidedBand } from '../schemas/fee-item.ts';
import type { Observation, Rule } from './finding.ts';

const keyOf = rowKey('fees.csv');

export const feeChangeNotice: Rule = {
  id: 'change-notice',
  title: 'rule.feeChange.title',
  cadence: 'rule.feeChange.cadence',
  basis: 'rule.feeChange.basis',
  evaluate(record, today) {
    const findings: Observation[] = [];
    for (const fee of record.fees) {
      const replaces = record.fees.some(
        (o) => o.item === fee.item && o.payer === fee.payer && o.effective < fee.effective,
      );
      if (!replaces) continue;
      const deadline = addMonths(fee.effective, -1);
      const posted = publicationDate(record.received, 'fees.csv', keyOf(fee), fee.announced);
      if (posted.date <= deadline) continue;
      const text = t('finding.feeNoticeShort', {
        item: fee.item,
        announced: formatDate(posted.date),
        effective: formatDate(fee.effective),
      });
      // Before the new price applies it can still be put off; once charged, the short notice is history.
      findings.push(
        fee.effective > today
          ? { level: 'breach', text, since: posted.date, deadline }
          : { level: 'resolved', text, since: fee.effective, deadline },
      );
    }
    return findings;
  },
};

export const feeWithinBand: Rule = {
  id: 'guided-price',
  title: 'rule.feeBand.title',
  cadence: 'rule.feeBand.cadence',
  basis: 'rule.feeBand.basis',
  evaluate(record, today) {
    const findings: Observation[] = [];
    for (const line of feeLines(record.fees, today)) {
      for (const fee of [line.current, ...line.upcoming]) {
        const band = fee && guidedBand(fee);
        if (!fee || !band || (fee.price >= band.low && fee.price <= band.high)) continue;
        findings.push({
          level: 'breach',
          text: t('finding.feeOutsideBand', {
            item: fee.item,
            price: formatYuan(fee.price),
            unit: fee.unit,
            base: formatYuan(fee.base_price ?? 0),
            range: fee.float_range ?? '',
            low: formatYuan(band.low),
            high: formatYuan(band.high),
          }),
          since: fee.effective,
        });
      }
    }
    return findings;
  },
};
