import type { User } from '../../../auth/index.js'
import type { CommentNode } from '../../../comments/index.js'
import {
  formatCommentCount,
  formatReadingTime,
  type Article,
  type ArticleSummary,
  type Correction,
} from '../../../content/index.js'
import type { StoryOrigin } from '../../../wire/index.js'
import { Corrections } from '../components/corrections.js'
import { updatedAfterPublication } from '../../render/seo-dates.js'
import { BODY_IMAGE_SIZES, Html } from '../components/html.js'
import { Icon } from '../components/icons.js'
import { ResponsiveImage } from '../components/responsive-image.js'
import { absoluteUrl, formatDate, pathOf, sectionAccent } from '../format.js'
import type { FormState } from '../form-state.js'
import { BaseLayout } from '../layouts/base-layout.js'
import type { SidebarData } from '../site-view.js'
import { useComponents, useSite } from '../theme-context.js'

export interface ArticlePageProps {
  article: Article
  /** Sections from the top down to the article's section, for the breadcrumb. */
  sectionTrail: { name: string; slug: string }[]
  authors: User[]
  related: ArticleSummary[]
  comments: CommentNode[]
  replyTo?: number | undefined
  pending: boolean
  /** A refused comment shown again: the reader's text and what was wrong. */
  commentForm?: FormState | undefined
  sidebar: SidebarData
  /** Dated corrections and updates, oldest first. */
  corrections?: Correction[] | undefined
  /** Where an unsigned wire story came from: the byline names it. */
  origin?: StoryOrigin | undefined
}

/** The content column's width (site.css: .wrap 1240px, .layout gap 2.5rem, sidebar 320px). */
const LEAD_SIZES =
  '(min-width: 1240px) 848px, (min-width: 1024px) calc(100vw - 392px), calc(100vw - 32px)'

/** One story: the page's only `<article>` and only `<h1>`. */
export function ArticlePage(props: ArticlePageProps) {
  const { article, sectionTrail, authors, related, sidebar } = props
  const site = useSite()
  const c = useComponents()
  const path = pathOf(article, site)
  const url = absoluteUrl(path, site)
  const bylineAuthors =
    article.authors.length > 0 ? article.authors : article.author ? [article.author] : []
  const published = article.publishedAt
  const updated = updatedAfterPublication(article)
  const accent = sectionAccent(article.category?.id, site.categories)
  const top = sectionTrail[0]
  return (
    <BaseLayout
      title={article.seoTitle || article.title}
      description={article.seoDescription || article.standfirst || article.excerpt}
      canonicalPath={article.canonicalUrl || path}
      image={article.image?.url}
      type="article"
      activeSection={top ? `/${top.slug}/` : undefined}
      bodyClass="single"
    >
      <div class="wrap layout">
        <main id="main" class="content" style={accent ? `--accent:${accent}` : undefined}>
          <c.breadcrumb trail={sectionTrail.map((s) => ({ label: s.name, href: `/${s.slug}/` }))} />
          <article class="article" data-article-id={article.id}>
            <header class="article-header">
              {article.category && (
                <a class="badge" href={`/${article.category.slug}/`}>
                  {article.category.name}
                </a>
              )}
              <h1 class="article-title">{article.title}</h1>
              {article.standfirst && <p class="standfirst">{article.standfirst}</p>}
              <div class="byline">
                <div class="byline-avatars" aria-hidden="true">
                  {bylineAuthors.map(
                    (a) =>
                      a.avatarUrl && (
                        <img
                          key={a.id}
                          class="avatar"
                          src={a.avatarUrl}
                          alt=""
                          width={44}
                          height={44}
                        />
                      ),
                  )}
                </div>
                <div class="byline-text">
                  {bylineAuthors.length > 0 ? (
                    <p class="byline-names">
                      By{' '}
                      {bylineAuthors.map((a, i) => (
                        <>
                          {i > 0 && (i === bylineAuthors.length - 1 ? ' and ' : ', ')}
                          <a href={`/author/${a.slug}/`} rel="author">
                            <bdi>{a.name}</bdi>
                          </a>
                        </>
                      ))}
                    </p>
                  ) : (
                    props.origin && <OriginByline origin={props.origin} />
                  )}
                  <p class="byline-meta">
                    {published && (
                      <span>
                        Published{' '}
                        <time datetime={published.toISOString()}>
                          {formatDate(published, site)}
                        </time>
                      </span>
                    )}
                    {updated && (
                      <span>
                        Updated{' '}
                        <time datetime={updated.toISOString()}>{formatDate(updated, site)}</time>
                      </span>
                    )}
                    {article.category && (
                      <a class="byline-section" href={`/${article.category.slug}/`}>
                        {article.category.name}
                      </a>
                    )}
                    <a class="byline-comments" href="#comments">
                      <Icon name="comment" size={14} />
                      {formatCommentCount(article.commentCount)}
                    </a>
                    <span class="reading-time">
                      <Icon name="clock" size={14} />
                      {formatReadingTime(article.readingMinutes)}
                    </span>
                  </p>
                </div>
              </div>
              <c.shareLinks
                url={url}
                title={article.title}
                imageUrl={article.image ? absoluteUrl(article.image.url, site) : undefined}
              />
            </header>
            {article.image && (
              <figure class="featured-image">
                <ResponsiveImage image={article.image} sizes={LEAD_SIZES} priority />
                {(article.image.caption || article.image.credit) && (
                  <figcaption>
                    {article.image.caption}
                    {article.image.credit && <span class="credit">{article.image.credit}</span>}
                  </figcaption>
                )}
              </figure>
            )}
            <Html class="article-body" html={article.bodyHtml} imageSizes={BODY_IMAGE_SIZES} />
            <Corrections corrections={props.corrections} />
            <footer class="article-footer">
              {article.tags.length > 0 && (
                <ul class="tags" aria-label="Tags">
                  {article.tags.map((t) => (
                    <li key={t.id}>
                      <a href={`/tag/${t.slug}/`} rel="tag">
                        {t.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <c.shareLinks url={url} title={article.title} />
              {authors.map((a) => (
                <c.authorBox key={a.id} author={a} bio={a.bio} social={a.social} />
              ))}
            </footer>
          </article>
          {related.length > 0 && (
            <section class="block keep-reading" aria-labelledby="keep-reading">
              <h2 id="keep-reading" class="block-title">
                <span>Keep Reading</span>
              </h2>
              <div class="grid grid-3">
                {related.map((a) => (
                  <c.articleCard key={a.id} article={a} variant="grid" />
                ))}
              </div>
            </section>
          )}
          <c.comments
            articleSlug={article.slug}
            articlePath={path}
            allowComments={article.allowComments}
            comments={props.comments}
            count={article.commentCount}
            replyTo={props.replyTo}
            pending={props.pending}
            form={props.commentForm}
          />
        </main>
        <c.sidebar data={sidebar} />
      </div>
    </BaseLayout>
  )
}

/**
 * An unsigned wire story's byline: its source, linked. The writer's own credit opens the body
 * ("By Ann Lee, Partner Gazette"), where it stays when an editor here takes the story over.
 */
function OriginByline({ origin }: { origin: StoryOrigin }) {
  return (
    <p class="byline-names">
      From{' '}
      {origin.siteUrl ? (
        <a href={origin.siteUrl} rel="nofollow">
          <bdi>{origin.sourceName}</bdi>
        </a>
      ) : (
        <bdi>{origin.sourceName}</bdi>
      )}
    </p>
  )
}
