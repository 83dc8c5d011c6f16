/**
 * Full-text extraction for licensed sources whose feeds carry only excerpts: Mozilla's
 * Readability (Firefox's reader view) over linkedom's DOM. Its HTML is processed like feed HTML
 * (absolute URLs, no pixels) and must still go through the body sanitizer before it is stored.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { processItemHtml } from './item-html.js'

export interface ExtractedArticle {
  title: string | undefined
  byline: string | undefined
  /** The article's HTML, URLs absolute; not yet sanitized. */
  contentHtml: string
  text: string
  firstImage: { url: string; alt: string | undefined } | undefined
}

const MIN_WORDS = 30

/** The main article of a web page, or undefined when the page has none Readability trusts. */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | undefined {
  const { document } = parseHTML(html)
  let article: ReturnType<Readability['parse']>
  try {
    // linkedom's document stands in for the browser's, which Readability is written against.
    article = new Readability(document, { charThreshold: 200 }).parse()
  } catch {
    return undefined
  }
  if (!article?.content) return undefined
  const processed = processItemHtml(article.content, pageUrl)
  // Readability always returns its best candidate; a few words (a menu, a cookie notice) are not
  // the story, and keeping the feed's excerpt is better than publishing them.
  if (processed.text.split(' ').length < MIN_WORDS) return undefined
  return {
    title: article.title?.trim() || undefined,
    byline: article.byline?.trim() || undefined,
    contentHtml: processed.html,
    text: processed.text,
    firstImage: processed.firstImage,
  }
}
