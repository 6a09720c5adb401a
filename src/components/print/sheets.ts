/**
 * The two printed sheets a compound posts: the 公示 notice and the
 * enforcement departments' board. Pages for one compound and for a whole
 * 社区 are generated for each kind from this one list.
 */
import type { StringKey } from '../../i18n/t.ts';
import BoardSheet from './BoardSheet.astro';
import NoticeSheet from './NoticeSheet.astro';

export const SHEET_KINDS = {
  notice: { Sheet: NoticeSheet, pageTitle: 'notice.pageTitle', allTitle: 'notice.allTitle', plural: 'notices' },
  board: { Sheet: BoardSheet, pageTitle: 'board.pageTitle', allTitle: 'board.allTitle', plural: 'boards' },
} as const satisfies Record<string, { Sheet: unknown; pageTitle: StringKey; allTitle: StringKey; plural: string }>;

export type SheetKind = keyof typeof SHEET_KINDS;
export const SHEET_KIND_NAMES = Object.keys(SHEET_KINDS) as SheetKind[];
