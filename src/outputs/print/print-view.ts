/**
 * What the printed sheets show: the notice (五公开 in brief) and the
 * departments' board, each derived from the same records as the compound
 * page, and the permanent address their QR codes carry.
 */
import type { CommunityRecord, CompanyRecord, CompoundRecord, DepartmentRecord } from '../../core/data/records.ts';
import { t } from '../../core/i18n/t.ts';
import { formatDate } from '../../core/lib/format.ts';
import { formatYuan } from '../../core/lib/money.ts';
import { feeLines } from '../../core/model/fee-lines.ts';

/**
 * `<base_url>c/<slug>/`: printed on paper and encoded in QR codes, so it must
 * never change. A base_url without its closing slash keeps its last segment.
 */
export function compoundUrl(baseUrl: string, slug: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(`c/${encodeURIComponent(slug)}/`, base).href;
}

export interface NoticeFee {
  item: string;
  payer: string;
  /** The price in force, `0.95 元/㎡·月`; undefined when the item has only an announced price. */
  price: string | undefined;
  priceForm: string;
  /** Announced changes, `2026年12月1日起 1.32 元/㎡·月`: posted a month ahead, so they belong on paper too. */
  changes: string[];
}

/** Every fee item with its current price and announced changes, in the order of fees.csv. */
export function noticeFees(record: CompoundRecord, today: string): NoticeFee[] {
  return feeLines(record.fees, today).flatMap((line) => {
    const shown = line.current ?? line.upcoming[0];
    if (!shown) return [];
    return [
      {
        item: shown.item,
        payer: shown.payer,
        price: line.current && t('fee.yuanPer', { amount: formatYuan(line.current.price), unit: line.current.unit }),
        priceForm: shown.price_form,
        changes: line.upcoming.map((next) =>
          t('notice.feeChange', {
            date: formatDate(next.effective),
            amount: formatYuan(next.price),
            unit: next.unit,
          }),
        ),
      },
    ];
  });
}

export interface BoardRow {
  name: string;
  duty: string;
  /** `马文斌（物业管理股股长）`, when the department names someone. */
  contact: string | undefined;
  phone: string;
  /** The compound's own 社区: marked on the board as the first place to go. */
  ownCommunity: boolean;
}

/** The board's lines in the order of departments.yaml; the 社区 row becomes the compound's own 社区. */
export function boardRows(departments: DepartmentRecord[], community: CommunityRecord): BoardRow[] {
  return departments.map((department) => {
    const contact = department.contact;
    const contactText =
      contact && (contact.title ? t('department.contact', { name: contact.name, title: contact.title }) : contact.name);
    if (department.community) {
      return {
        name: community.name,
        duty: department.duty,
        contact: t('department.ownCommunity'),
        phone: community.phone,
        ownCommunity: true,
      };
    }
    // The schema requires a name and a phone on every other row.
    return {
      name: department.name ?? '',
      duty: department.duty,
      contact: contactText,
      phone: department.phone ?? '',
      ownCommunity: false,
    };
  });
}

export interface PropertyContact {
  label: string;
  /** A name or a sentence. */
  text?: string | undefined;
  phone?: string | undefined;
  /** Hours, or whose phone it is. */
  note?: string | undefined;
}

/** Who manages the compound day to day and how to reach them, and when the 社区 is open, for the foot of the board. */
export function propertyContacts(
  record: CompoundRecord,
  company: CompanyRecord | undefined,
  community: CommunityRecord,
): PropertyContact[] {
  const c = record.compound;
  const contacts: PropertyContact[] = [];
  if (c.management !== 'professional')
    contacts.push({ label: t('board.management'), text: t(`management.${c.management}`) });
  if (company) contacts.push({ label: t('manager.company'), text: company.name });
  if (c.manager) contacts.push({ label: t('manager.name'), text: c.manager.name, phone: c.manager.phone });
  if (c.hotlines) {
    contacts.push({ label: t('hotline.repair'), phone: c.hotlines.repair, note: c.hotlines.repair_hours });
    contacts.push({ label: t('hotline.complaint'), phone: c.hotlines.complaint });
  }
  if (c.committee?.status === 'established' && c.committee.phone) {
    contacts.push({ label: t('board.committee'), phone: c.committee.phone });
  }
  if (community.hours)
    contacts.push({ label: t('board.communityHours', { name: community.name }), text: community.hours });
  return contacts;
}
