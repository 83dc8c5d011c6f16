/**
 * The front page's stories, placed so that each appears at most once: the lead first, then the
 * stories beside it, What's Hot, the sidebar's Editors Picks (chosen by hand, so before the
 * lists that fill themselves), Latest Posts and a block per section, each taking the next
 * stories not yet shown. (The Trending ticker is site chrome and
 * lists what is read most, wherever else it is.)
 */
import type { ArticleSummary, Category } from '../content/index.js'

export interface FrontPageSources {
  featured: ArticleSummary[]
  latest: ArticleSummary[]
  trending: ArticleSummary[]
  sections: { category: Category; articles: ArticleSummary[] }[]
  editorsPicks: ArticleSummary[]
}

export interface FrontPageStories {
  lead: ArticleSummary | undefined
  featured: ArticleSummary[]
  hot: ArticleSummary[]
  latest: ArticleSummary[]
  sections: { category: Category; articles: ArticleSummary[] }[]
  editorsPicks: ArticleSummary[]
}

export const FRONT_PAGE_SIZES = { side: 2, hot: 3, latest: 6, section: 4, picks: 4 }

export function arrangeFrontPage(
  sources: FrontPageSources,
  sizes = FRONT_PAGE_SIZES,
): FrontPageStories {
  const shown = new Set<number>()
  const take = (candidates: ArticleSummary[], count: number): ArticleSummary[] => {
    const taken: ArticleSummary[] = []
    for (const article of candidates) {
      if (taken.length >= count) break
      if (shown.has(article.id)) continue
      shown.add(article.id)
      taken.push(article)
    }
    return taken
  }
  const [lead] = take([...sources.featured, ...sources.latest], 1)
  return {
    lead,
    featured: take([...sources.featured, ...sources.latest], sizes.side),
    hot: take(sources.trending, sizes.hot),
    editorsPicks: take(sources.editorsPicks, sizes.picks),
    latest: take(sources.latest, sizes.latest),
    sections: sources.sections.map(({ category, articles }) => ({
      category,
      articles: take(articles, sizes.section),
    })),
  }
}
