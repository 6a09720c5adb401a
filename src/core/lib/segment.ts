/**
 * Word segmentation of a search query for browsers without Intl.Segmenter
 * (older WebViews, including some inside WeChat). Pagefind splits Chinese
 * queries with Intl.Segmenter when it exists; without it a query such as
 * 天山花园 stays one unknown word and finds nothing. This splits it the same
 * way by forward maximum matching against the words of the indexed pages.
 */

const CJK = /\p{Script=Han}/u;

/** Splits runs of Chinese characters into known words, longest first; other text is kept as it is. */
export function segmentQuery(query: string, vocabulary: ReadonlySet<string>, longestWord = 8): string {
  const out: string[] = [];
  const chars = [...query];
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] ?? '';
    if (!CJK.test(char)) {
      out.push(char);
      i++;
      continue;
    }
    let length = Math.min(longestWord, chars.length - i);
    for (; length > 1; length--) {
      const candidate = chars.slice(i, i + length).join('');
      if (CJK.test(chars[i + length - 1] ?? '') && vocabulary.has(candidate)) break;
    }
    out.push(` ${chars.slice(i, i + length).join('')} `);
    i += length;
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** The multi-character Chinese words of a text, as Intl.Segmenter (ICU, like browsers) finds them. */
export function chineseWords(text: string, segmenter: Intl.Segmenter): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && [...segment].length > 1 && [...segment].every((c) => CJK.test(c))) words.push(segment);
  }
  return words;
}
