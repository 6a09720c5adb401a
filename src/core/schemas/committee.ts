import { z } from 'zod';
import { t } from '../i18n/t.ts';
import { isoDate, phone, text } from './primitives.ts';

/** established 已成立; acting 社区代行 (no committee yet, the 社区 acts for it). */
export const COMMITTEE_STATUSES = ['established', 'acting'] as const;

/** A committee member: name and role only, nothing personal. */
export const memberSchema = z.strictObject({
  /** Full name. */
  name: text(30).meta({ title: '姓名' }),
  /** 主任, 副主任, 委员 or another role. */
  role: text(20).meta({ title: '职务' }),
});

/** The owners' committee (业主委员会), or the 社区 acting for it. */
export const committeeSchema = z
  .strictObject({
    /** Whether a committee exists or the 社区 acts for it. */
    status: z.enum(COMMITTEE_STATUSES).meta({ title: '业委会状态' }),
    /** Election day, when established. */
    elected: isoDate.optional().meta({ title: '选举日期' }),
    /** Last day of the term, when established. */
    term_end: isoDate.optional().meta({ title: '任期届满日期' }),
    /** Members and their roles, when established. */
    members: z.array(memberSchema).optional().meta({ title: '委员名单' }),
    /** The committee's office phone (not a member's own mobile). */
    phone: phone.optional().meta({ title: '业委会联系电话' }),
    /** Since when the 社区 acts for the committee, when acting. */
    acting_since: isoDate.optional().meta({ title: '社区代行起始日期' }),
    /** When this part was last checked or changed. */
    updated: isoDate.meta({ title: '更新日期' }),
  })
  .superRefine((committee, ctx) => {
    const needs =
      committee.status === 'established' ? (['elected', 'term_end', 'members'] as const) : (['acting_since'] as const);
    for (const key of needs) {
      if (committee[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          input: undefined,
          message: t('expect.committeeNeeds', { status: t(`committee.status.${committee.status}`) }),
        });
      }
    }
    if (committee.elected && committee.term_end && committee.term_end <= committee.elected) {
      ctx.addIssue({
        code: 'custom',
        path: ['term_end'],
        input: committee.term_end,
        message: t('expect.termAfterElection'),
      });
    }
  });
export type Committee = z.output<typeof committeeSchema>;
