import type { ArticleSummary, Page, Tag } from '../../../content/index.js'
import { BaseLayout } from '../layouts/base-layout.js'
import type { SidebarData } from '../site-view.js'
import { useComponents } from '../theme-context.js'
import { ArchiveList } from './archive.js'

export interface TagPageProps {
  tag: Tag
  articles: Page<ArticleSummary>
  sidebar: SidebarData
}

export function TagPage({ tag, articles, sidebar }: TagPageProps) {
  const c = useComponents()
  const base = `/tag/${tag.slug}/`
  return (
    <BaseLayout
      title={`${tag.name}${articles.page > 1 ? ` – Page ${articles.page}` : ''}`}
      description={tag.description}
      bodyClass="archive tag"
    >
      <div class="wrap layout">
        <main id="main" class="content">
          <c.breadcrumb trail={[{ label: tag.name }]} />
          <header class="archive-header">
            <p class="eyebrow">Tag</p>
            <h1>{tag.name}</h1>
            {tag.description && <p class="archive-description">{tag.description}</p>}
          </header>
          <ArchiveList
            articles={articles}
            hrefFor={(n) => (n === 1 ? base : `${base}page/${n}/`)}
          />
        </main>
        <c.sidebar data={sidebar} />
      </div>
    </BaseLayout>
  )
}
