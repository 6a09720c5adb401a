/**
 * Atom 1.0 (RFC 4287) feeds as text. Every value is escaped here, so the
 * callers only say what the feed contains.
 */
import { escapeXml, html } from '../core/lib/html.ts';

export interface AtomEntry {
  /** A permanent, unique IRI for the entry. */
  id: string;
  title: string;
  /** RFC 3339 time. */
  updated: string;
  /** The page the entry is about. */
  link: string;
  summary?: string;
  /** Plain lines of text, shown as a list. */
  lines?: string[];
}

export interface AtomFeed {
  /** The feed's own address, also its id. */
  self: string;
  title: string;
  subtitle?: string;
  /** The page the feed belongs to. */
  link: string;
  author: string;
  /** RFC 3339 time: the newest entry's, or the build's date when there is none. */
  updated: string;
  entries: AtomEntry[];
}

function entryXml(entry: AtomEntry): string {
  const parts = [
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <updated>${escapeXml(entry.updated)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
  ];
  if (entry.summary) parts.push(`    <summary>${escapeXml(entry.summary)}</summary>`);
  if (entry.lines && entry.lines.length > 0) {
    // HTML content, escaped once for XML: readers show a list rather than one run-on paragraph.
    const list = html`<ul>${entry.lines.map((line) => html`<li>${line}</li>`)}</ul>`;
    parts.push(`    <content type="html">${escapeXml(list.toString())}</content>`);
  }
  return `  <entry>\n${parts.join('\n')}\n  </entry>`;
}

export function atomFeed(feed: AtomFeed): string {
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(feed.self)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
  ];
  return `${[...head, ...feed.entries.map(entryXml), '</feed>'].join('\n')}\n`;
}

/** The newest of RFC 3339 times, or `fallback` when there are none. */
export function newestTime(times: string[], fallback: string): string {
  const [first, ...rest] = times;
  if (first === undefined) return fallback;
  return rest.reduce((newest, time) => (Date.parse(time) > Date.parse(newest) ? time : newest), first);
}
