import type { User } from '../../../auth/index.js'
import type { ArticleSummary, Page } from '../../../content/index.js'
import type { SidebarData } from '../site-view.js'
import { useComponents } from '../theme-context.js'
import { ArchivePage } from './archive.js'

export interface AuthorPageProps {
  author: User
  articles: Page<ArticleSummary>
  sidebar: SidebarData
}

/** An author: avatar, bio, social links and their stories. */
export function AuthorPage({ author, articles, sidebar }: AuthorPageProps) {
  const c = useComponents()
  return (
    <ArchivePage
      name={author.name}
      base={`/author/${author.slug}/`}
      articles={articles}
      sidebar={sidebar}
      level={3}
      layout={{
        description: author.bio,
        image: author.avatarUrl ?? undefined,
        bodyClass: 'archive author',
      }}
    >
      <header class="archive-header author-header">
        {author.avatarUrl && (
          <img
            class="avatar avatar-large"
            src={author.avatarUrl}
            alt={`Portrait of ${author.name}`}
            width={120}
            height={120}
          />
        )}
        <div>
          <p class="eyebrow">Author</p>
          <h1>
            <bdi>{author.name}</bdi>
          </h1>
          {author.bio && <p class="archive-description">{author.bio}</p>}
          <c.socialLinks
            profiles={author.social as Record<string, string>}
            label={`${author.name} elsewhere`}
            showLabels
          />
        </div>
      </header>
      <h2 class="block-title">
        <span>
          Stories by <bdi>{author.name}</bdi>
        </span>
      </h2>
    </ArchivePage>
  )
}
