import type { ArticleSummary, Page, Tag } from '../../../content/index.js'
import type { SidebarData } from '../site-view.js'
import { ArchivePage } from './archive.js'

export interface TagPageProps {
  tag: Tag
  articles: Page<ArticleSummary>
  sidebar: SidebarData
}

export function TagPage({ tag, articles, sidebar }: TagPageProps) {
  return (
    <ArchivePage
      name={tag.name}
      base={`/tag/${tag.slug}/`}
      articles={articles}
      sidebar={sidebar}
      layout={{ description: tag.description, bodyClass: 'archive tag' }}
    >
      <header class="archive-header">
        <p class="eyebrow">Tag</p>
        <h1>{tag.name}</h1>
        {tag.description && <p class="archive-description">{tag.description}</p>}
      </header>
    </ArchivePage>
  )
}
