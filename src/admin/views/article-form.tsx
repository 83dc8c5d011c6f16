import type { User } from '../../auth/index.js'
import type { Article, Category, Correction } from '../../content/index.js'
import type { MediaItem } from '../../media/index.js'
import type { ArticleFormValues } from '../article-form.js'
import { AdminLayout, Csrf, ErrorBox, Notice } from './layout.js'
import { When } from './chrome.js'

export interface ArticleButtons {
  save: boolean
  submit: boolean
  publish: boolean
  unpublish: boolean
  archive: boolean
}

export interface ArticleFormProps {
  user: User
  csrf: string
  article: Article | undefined
  values: ArticleFormValues
  sections: Category[]
  people: { id: number; name: string }[]
  media: MediaItem[]
  corrections: Correction[]
  buttons: ArticleButtons
  canUpload: boolean
  timeZone: string
  error?: string | undefined
  notice?: string | undefined
}

/**
 * The article form. It works as a plain HTML form; with JavaScript the editor bundle turns the
 * body textarea into the rich editor and adds autosave, the local copy and live counts.
 */
export function ArticleFormPage(props: ArticleFormProps) {
  const { article, values } = props
  const action = article ? `/admin/articles/${article.id}` : '/admin/articles'
  const title = article ? `Edit: ${article.title}` : 'New story'
  const live = article ? ['published', 'scheduled'].includes(article.status) : false
  return (
    <AdminLayout
      title={title}
      user={props.user}
      csrf={props.csrf}
      current={article ? '/admin/articles' : '/admin/articles/new'}
    >
      <h1>{article ? 'Edit story' : 'New story'}</h1>
      {article && <ArticleLinks article={article} />}
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      <div id="editor-alerts" />
      <form
        id="article-form"
        class="stack article-form"
        method="post"
        action={action}
        data-article-id={article ? String(article.id) : ''}
        data-status={article?.status ?? 'draft'}
        data-live={live ? '1' : ''}
        data-saved-at={article ? article.updatedAt.toISOString() : ''}
        data-can-upload={props.canUpload ? '1' : ''}
        data-time-zone={props.timeZone}
      >
        <Csrf token={props.csrf} />
        {article && <input type="hidden" name="version" value={String(article.version)} />}
        <div class="editor-layout">
          <div class="canvas stack">
            <div>
              <label for="title">Headline</label>
              <input
                id="title"
                name="title"
                type="text"
                value={values.title}
                required
                maxLength={300}
              />
            </div>
            <div>
              <label for="standfirst">Standfirst</label>
              <textarea id="standfirst" name="standfirst" class="short">
                {values.standfirst}
              </textarea>
            </div>
            <div class="body-field">
              <label for="bodyHtml" id="body-label">
                Body
              </label>
              <textarea id="bodyHtml" name="bodyHtml" aria-describedby="body-hint">
                {values.bodyHtml}
              </textarea>
              <input type="hidden" id="bodyDoc" name="bodyDoc" value={values.bodyDoc} />
              <p class="hint" id="body-hint">
                HTML. With JavaScript on, this is a rich-text editor.
              </p>
              <p class="hint" id="editor-stats" aria-live="polite" />
              <p class="hint" id="save-status" role="status" />
            </div>
          </div>
          <aside class="settings-panel stack" aria-label="Story settings">
            <section class="panel-publish" aria-label="Save and publish">
              {props.buttons.publish && (
                <div>
                  <label for="publishAt">
                    Publish at ({props.timeZone.replace(/_/g, ' ')} time)
                  </label>
                  <input
                    id="publishAt"
                    name="publishAt"
                    type="datetime-local"
                    value={values.publishAt}
                    aria-describedby="publishAt-hint"
                  />
                  <p class="hint" id="publishAt-hint">
                    Only used by “Schedule”. The site’s clock: {props.timeZone.replace(/_/g, ' ')}
                    {article?.status === 'scheduled' && article.publishedAt && (
                      <>
                        {' '}
                        · now booked for <When date={article.publishedAt} />
                      </>
                    )}
                  </p>
                </div>
              )}
              <WorkflowButtons buttons={props.buttons} live={live} />
            </section>
            <div>
              <label for="slug">Slug</label>
              <input
                id="slug"
                name="slug"
                type="text"
                value={values.slug}
                aria-describedby="slug-hint"
                data-auto={article ? '' : '1'}
              />
              <p class="hint" id="slug-hint">
                Made from the headline until you edit it.
              </p>
            </div>
            <SectionFields {...props} />
            <div>
              <label for="tags">Tags</label>
              <input
                id="tags"
                name="tags"
                type="text"
                value={values.tags}
                autocomplete="off"
                aria-describedby="tags-hint"
                data-combobox="tags"
              />
              <p class="hint" id="tags-hint">
                Separate tags with commas; new tags are created.
              </p>
            </div>
            <div>
              <label for="authorIds">Authors</label>
              <select id="authorIds" name="authorIds" multiple size={4} data-combobox="authors">
                {props.people.map((p) => (
                  <option
                    key={p.id}
                    value={String(p.id)}
                    selected={values.authorIds.includes(String(p.id))}
                  >
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <FeaturedImage {...props} />
            <fieldset>
              <legend>Placement</legend>
              <Check name="isEditorsPick" label="Editors' pick" checked={values.isEditorsPick} />
              <Check name="isFeatured" label="Featured" checked={values.isFeatured} />
              <Check name="allowComments" label="Allow comments" checked={values.allowComments} />
            </fieldset>
            <SeoFields values={values} />
          </aside>
        </div>
      </form>
      {article?.status === 'published' && (
        <CorrectionsForm article={article} csrf={props.csrf} corrections={props.corrections} />
      )}
      <script src="/admin/assets/editor.js" defer />
    </AdminLayout>
  )
}

function ArticleLinks({ article }: { article: Article }) {
  const previewable = ['draft', 'pending', 'scheduled'].includes(article.status)
  return (
    <p class="status">
      Status: <span data-testid="article-status">{article.status}</span> · version{' '}
      <span data-testid="article-version">{article.version}</span> ·{' '}
      <a href={`/admin/articles/${article.id}/revisions`}>Revisions</a>
      {previewable && (
        <>
          {' · '}
          <a href={`/admin/articles/${article.id}/preview`} target="_blank" rel="noopener">
            Preview
          </a>
        </>
      )}
    </p>
  )
}

function SectionFields(props: ArticleFormProps) {
  const { values, sections } = props
  return (
    <div class="two">
      <div>
        <label for="sectionId">Section</label>
        <select id="sectionId" name="sectionId" data-combobox="section">
          <option value="">No section</option>
          {sections.map((s) => (
            <option key={s.id} value={String(s.id)} selected={String(s.id) === values.sectionId}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="moreSectionIds">Also in sections</label>
        <select
          id="moreSectionIds"
          name="moreSectionIds"
          multiple
          size={3}
          data-combobox="sections"
        >
          {sections.map((s) => (
            <option
              key={s.id}
              value={String(s.id)}
              selected={values.moreSectionIds.includes(String(s.id))}
            >
              {s.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}

function FeaturedImage(props: ArticleFormProps) {
  const { values, media } = props
  return (
    <fieldset class="featured-image">
      <legend>Featured image</legend>
      <div>
        <label for="featuredMediaId">Image</label>
        <select id="featuredMediaId" name="featuredMediaId">
          <option value="">None</option>
          {media.map((m) => (
            <option
              key={m.id}
              value={String(m.id)}
              selected={String(m.id) === values.featuredMediaId}
              data-url={m.url}
              data-alt={m.alt}
              data-caption={m.caption}
              data-credit={m.credit}
            >
              {`#${m.id} ${m.alt || m.path}`}
            </option>
          ))}
        </select>
      </div>
      <div class="three">
        <div>
          <label for="featuredAlt">Alt text</label>
          <input id="featuredAlt" name="featuredAlt" type="text" value={values.featuredAlt} />
        </div>
        <div>
          <label for="featuredCaption">Caption</label>
          <input
            id="featuredCaption"
            name="featuredCaption"
            type="text"
            value={values.featuredCaption}
          />
        </div>
        <div>
          <label for="featuredCredit">Credit</label>
          <input
            id="featuredCredit"
            name="featuredCredit"
            type="text"
            value={values.featuredCredit}
          />
        </div>
      </div>
    </fieldset>
  )
}

function SeoFields({ values }: { values: ArticleFormValues }) {
  return (
    <fieldset>
      <legend>Search engines and sharing</legend>
      <div>
        <label for="seoTitle">SEO title</label>
        <input
          id="seoTitle"
          name="seoTitle"
          type="text"
          value={values.seoTitle}
          aria-describedby="seoTitle-hint"
          data-limit="60"
        />
        <p class="hint" id="seoTitle-hint">
          Up to about 60 characters; the headline is used when empty.
        </p>
      </div>
      <div>
        <label for="seoDescription">SEO description</label>
        <textarea
          id="seoDescription"
          name="seoDescription"
          class="short"
          aria-describedby="seoDescription-hint"
          data-limit="160"
        >
          {values.seoDescription}
        </textarea>
        <p class="hint" id="seoDescription-hint">
          Up to about 160 characters; the standfirst is used when empty.
        </p>
      </div>
      <div id="serp-preview" class="serp" hidden />
      <div>
        <label for="canonicalUrl">Canonical URL</label>
        <input
          id="canonicalUrl"
          name="canonicalUrl"
          type="url"
          value={values.canonicalUrl}
          aria-describedby="canonical-hint"
        />
        <p class="hint" id="canonical-hint">
          Only when the story first appeared elsewhere.
        </p>
      </div>
    </fieldset>
  )
}

function Check(props: { name: string; label: string; checked: boolean }) {
  return (
    <div class="check">
      <input type="checkbox" id={props.name} name={props.name} value="1" checked={props.checked} />
      <label for={props.name}>{props.label}</label>
    </div>
  )
}

function WorkflowButtons({ buttons, live }: { buttons: ArticleButtons; live: boolean }) {
  return (
    <div class="actions">
      {buttons.save && (
        <button type="submit" name="action" value="save">
          {live ? 'Update' : 'Save draft'}
        </button>
      )}
      {buttons.submit && (
        <button type="submit" name="action" value="submit" class="secondary">
          Submit for review
        </button>
      )}
      {buttons.publish && !live && (
        <button type="submit" name="action" value="publish" class="secondary">
          Publish
        </button>
      )}
      {buttons.publish && (
        <button type="submit" name="action" value="schedule" class="secondary">
          Schedule
        </button>
      )}
      {buttons.unpublish && (
        <button type="submit" name="action" value="unpublish" class="secondary">
          Unpublish
        </button>
      )}
      {buttons.archive && (
        <button type="submit" name="action" value="archive" class="danger">
          Archive
        </button>
      )}
    </div>
  )
}

function CorrectionsForm(props: { article: Article; csrf: string; corrections: Correction[] }) {
  return (
    <section aria-labelledby="corrections-heading" class="corrections">
      <h2 id="corrections-heading">Corrections and updates</h2>
      {props.corrections.length > 0 && (
        <ul>
          {props.corrections.map((c) => (
            <li key={c.id}>
              <When date={c.createdAt} />: {c.body}
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/admin/articles/${props.article.id}/corrections`} class="stack">
        <Csrf token={props.csrf} />
        <div>
          <label for="correction">New correction or update</label>
          <textarea id="correction" name="body" class="short" required maxLength={2000} />
          <p class="hint">Shown to readers under the article with today’s date.</p>
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            Add correction
          </button>
        </div>
      </form>
    </section>
  )
}
