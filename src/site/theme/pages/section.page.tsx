import type { SectionListing } from '../../../content/index.js'
import { sectionAccent } from '../format.js'
import { BaseLayout } from '../layouts/base-layout.js'
import type { SidebarData } from '../site-view.js'
import { useComponents, useSite } from '../theme-context.js'
import { ArchiveList } from './archive.js'

export interface SectionPageProps {
  listing: SectionListing
  sidebar: SidebarData
}

/** A section: description, sub-sections, its stories (sub-sections' included), paginated. */
export function SectionPage({ listing, sidebar }: SectionPageProps) {
  const site = useSite()
  const c = useComponents()
  const { category, parent, children, articles } = listing
  const base = `/${category.slug}/`
  const accent = sectionAccent(category.id, site.categories)
  const title = articles.page > 1 ? `${category.name} – Page ${articles.page}` : category.name
  return (
    <BaseLayout
      title={title}
      description={category.description}
      activeSection={parent ? `/${parent.slug}/` : base}
      bodyClass="archive section"
    >
      <div class="wrap layout">
        <main id="main" class="content" style={accent ? `--accent:${accent}` : undefined}>
          <c.breadcrumb
            trail={[
              ...(parent ? [{ label: parent.name, href: `/${parent.slug}/` }] : []),
              { label: category.name },
            ]}
          />
          <header class="archive-header">
            <p class="eyebrow">Section</p>
            <h1>{category.name}</h1>
            {category.description && <p class="archive-description">{category.description}</p>}
            {children.length > 0 && (
              <nav class="subsections" aria-label={`${category.name} sub-sections`}>
                <ul>
                  {children.map((child) => (
                    <li key={child.id}>
                      <a href={`/${child.slug}/`}>{child.name}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
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
