/**
 * One address of every kind of page the site has, for the sweeps that must
 * cover them all (security, narrow screens, large text).
 */
import { readdirSync } from 'node:fs';
import { managerId } from '../../src/core/model/managers.ts';

const firstCommunity = readdirSync('content/communities')
  .map((file) => file.replace(/\.ya?ml$/, ''))
  .sort()[0];
const firstNotice = readdirSync('content/notices')
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => file.replace(/\.mdx$/, ''))
  .sort()[0];

export const PAGE_TYPES: string[] = [
  '/',
  '/c/',
  '/c/tianshan-huayuan/',
  '/c/tianshan-huayuan/notice/',
  '/c/tianshan-huayuan/board/',
  `/shequ/${firstCommunity}/`,
  `/shequ/${firstCommunity}/notices/`,
  `/shequ/${firstCommunity}/boards/`,
  '/search/',
  '/map/',
  '/data/',
  '/submit/',
  '/edit/',
  '/notices/',
  `/notices/${firstNotice}/`,
  '/dashboard/',
  '/dashboard/evaluation-overdue/',
  '/companies/',
  '/companies/tianrun/',
  '/elevators/',
  // 天山花园's project manager.
  `/managers/${managerId('奇物项备〔2024〕021号')}/`,
  '/ratings/',
  '/blacklist/',
  '/evaluations/',
  '/rules/',
  '/404.html',
];
