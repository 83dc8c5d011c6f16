/**
 * The Wire screen: incoming items from every source (filters, search, per-item and bulk
 * actions), the sources with their health, adding a source by a site's address, OPML.
 */
import type { User } from '../../auth/index.js'
import type { Category } from '../../content/index.js'
import type { SourceHealth, WireItem, WireItemStatus, WireSource } from '../../wire/index.js'
import { CountBadge, wireItems } from './admin-nav.js'
import { useChrome } from './chrome.js'
import { AdminLayout, CheckField, Csrf, ErrorBox, Field, Notice, SelectField } from './layout.js'

export const ITEM_FILTERS: readonly (readonly [string, string])[] = [
  ['', 'All'],
  ['new', 'New'],
  ['published', 'Published'],
  ['draft', 'Drafts'],
  ['skipped', 'Skipped'],
]

export interface SourceForm {
  url: string
  name: string
  sectionId: string
  authorId: string
  tags: string
  mode: string
  publish: string
  interval: string
  maxAgeDays: string
  includeWords: string
  excludeWords: string
  /** 'yes' when ticked. */
  licensed: string
  fullText: string
  mapCategories: string
}

export const EMPTY_SOURCE_FORM: SourceForm = {
  url: '',
  name: '',
  sectionId: '',
  authorId: '',
  tags: '',
  mode: 'excerpt',
  publish: 'review',
  interval: '15',
  maxAgeDays: '',
  includeWords: '',
  excludeWords: '',
  licensed: '',
  fullText: '',
  mapCategories: 'yes',
}

export interface WirePageProps {
  user: User
  csrf: string
  sources: SourceHealth[]
  items: WireItem[]
  waiting: number
  sections: Category[]
  people: User[]
  filter: { source: string; section: string; status: string; q: string }
  form: SourceForm
  error?: string | undefined
  notice?: string | undefined
}

const STATUS_LABEL: Record<WireItemStatus, string> = {
  new: 'new',
  published: 'published',
  draft: 'draft',
  skipped: 'skipped',
  duplicate: 'duplicate',
}

export function WirePage(props: WirePageProps) {
  return (
    <AdminLayout title="Wire" user={props.user} csrf={props.csrf}>
      <h1>
        Wire <WaitingBadge waiting={props.waiting} />
      </h1>
      <ErrorBox message={props.error} />
      <Notice message={props.notice} />
      <Items {...props} />
      <Sources {...props} />
      <AddSource {...props} />
      <Opml csrf={props.csrf} />
    </AdminLayout>
  )
}

/** How many items wait on the desk, beside the screen's title (0 included). */
function WaitingBadge({ waiting }: { waiting: number }) {
  const count = useChrome().formats.count(waiting)
  return <CountBadge count={count} label={wireItems(count, waiting)} testId="wire-badge" />
}

function Items(props: WirePageProps) {
  const { filter } = props
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">Incoming items</h2>
      <form method="get" action="/admin/wire" class="actions" role="search">
        <SelectField
          id="source"
          label="Source"
          value={filter.source}
          options={[
            ['', 'All sources'],
            ...props.sources.map((s) => [String(s.id), s.name] as const),
          ]}
        />
        <SelectField
          id="section"
          label="Section"
          value={filter.section}
          options={[
            ['', 'All sections'],
            ...props.sections.map((c) => [String(c.id), c.name] as const),
          ]}
        />
        <SelectField id="status" label="Status" value={filter.status} options={ITEM_FILTERS} />
        <Field id="q" label="Words in the headline" type="search" value={filter.q} />
        <button type="submit" class="secondary">
          Show
        </button>
      </form>
      {props.items.length === 0 ? (
        <p>No items here yet. Sources are polled every few minutes.</p>
      ) : (
        <form method="post" action="/admin/wire/items">
          <Csrf token={props.csrf} />
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <span class="skip">Choose</span>
                </th>
                <th scope="col">Headline</th>
                <th scope="col">Source</th>
                <th scope="col">Time</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr key={item.id} data-item={item.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={String(item.id)}
                      id={`item-${item.id}`}
                      aria-label={`Choose ${item.title}`}
                    />
                  </td>
                  <td>
                    <strong>{item.title}</strong>
                    {item.excerpt && <p class="hint">{item.excerpt}</p>}
                    {item.link && (
                      <p class="hint">
                        <a href={item.link} rel="noopener noreferrer" target="_blank">
                          Original
                        </a>
                      </p>
                    )}
                  </td>
                  <td>{item.sourceName}</td>
                  <td>
                    <time dateTime={item.publishedAt.toISOString()}>
                      {item.publishedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                    </time>
                  </td>
                  <td class="status">
                    {STATUS_LABEL[item.status]}
                    {item.changedAtSource && ' · updated at source'}
                  </td>
                  <td>
                    <ItemActions item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <span class="hint">With the chosen items:</span>
            <button type="submit" name="action" value="publish">
              Publish
            </button>
            <button type="submit" name="action" value="draft" class="secondary">
              Make drafts
            </button>
            <button type="submit" name="action" value="skip" class="secondary">
              Skip
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

/** One item's own buttons: they submit the bulk form with this item alone (`one`). */
function ItemActions({ item }: { item: WireItem }) {
  if (item.articleId !== null) return <a href={`/admin/articles/${item.articleId}`}>Open story</a>
  if (item.status !== 'new' && item.status !== 'skipped') return null
  return (
    <div class="actions">
      <button type="submit" name="one" value={`publish:${item.id}`}>
        Publish
      </button>
      <button type="submit" name="one" value={`draft:${item.id}`} class="secondary">
        Edit
      </button>
      {item.status === 'new' && (
        <button type="submit" name="one" value={`skip:${item.id}`} class="secondary">
          Skip
        </button>
      )}
    </div>
  )
}

function Sources(props: WirePageProps) {
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      {props.sources.length === 0 ? (
        <p>No sources yet: add one below.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
              <th scope="col">Last success</th>
              <th scope="col">Items</th>
              <th scope="col">Next poll</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.sources.map((s) => (
              <tr key={s.id} data-source={s.id}>
                <td>
                  <strong>
                    <a href={`/admin/wire/sources/${s.id}`}>{s.name}</a>
                  </strong>
                  <p class="hint">
                    {s.url} · {s.mode} ·{' '}
                    {s.publish === 'auto' ? 'publishes directly' : 'for review'} · every{' '}
                    {s.intervalMinutes} min
                  </p>
                  {s.lastError && (
                    <p class="error" data-testid="source-error">
                      {s.failures} failed poll{s.failures === 1 ? '' : 's'}: {s.lastError}
                    </p>
                  )}
                </td>
                <td class="status">{s.status}</td>
                <td>{when(s.lastSuccessAt)}</td>
                <td>
                  {s.itemsPerDay}/day · {s.itemsWaiting} new · {s.itemsTotal} in all
                </td>
                <td>{s.status === 'active' ? when(s.nextPollAt) : '—'}</td>
                <td>
                  <div class="actions">
                    <SourceButton csrf={props.csrf} id={s.id} action="poll" label="Poll now" />
                    {s.status === 'active' ? (
                      <SourceButton csrf={props.csrf} id={s.id} action="pause" label="Pause" />
                    ) : (
                      <SourceButton csrf={props.csrf} id={s.id} action="resume" label="Resume" />
                    )}
                    <SourceButton csrf={props.csrf} id={s.id} action="remove" label="Remove" />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function SourceButton(props: { csrf: string; id: number; action: string; label: string }) {
  return (
    <form method="post" action={`/admin/wire/sources/${props.id}/${props.action}`}>
      <Csrf token={props.csrf} />
      <button type="submit" class="secondary">
        {props.label}
      </button>
    </form>
  )
}

function AddSource(props: WirePageProps) {
  const f = props.form
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">Add a source</h2>
      <form method="post" action="/admin/wire/sources" class="stack">
        <Csrf token={props.csrf} />
        <Field
          id="url"
          label="Feed or site address"
          type="url"
          required
          value={f.url}
          hint="A feed (RSS, Atom, JSON Feed) or a site's home page: its feed is found for you."
        />
        <SourceFields form={f} sections={props.sections} people={props.people} />
        <button type="submit">Add source</button>
      </form>
    </section>
  )
}

/** A source's settings, for adding one and for changing one. */
function SourceFields(props: { form: SourceForm; sections: Category[]; people: User[] }) {
  const f = props.form
  return (
    <>
      <div class="two">
        <Field
          id="name"
          label="Name"
          value={f.name}
          hint="Shown in attributions. Default: the feed's title."
        />
        <SelectField
          id="sectionId"
          label="Section"
          value={f.sectionId}
          options={[['', 'None'], ...props.sections.map((c) => [String(c.id), c.name] as const)]}
        />
        <SelectField
          id="authorId"
          label="Byline"
          value={f.authorId}
          options={[
            ['', 'The source'],
            ...props.people.map((u) => [String(u.id), u.name] as const),
          ]}
        />
        <Field id="tags" label="Tags added" value={f.tags} hint="Separated by commas." />
        <SelectField
          id="mode"
          label="Mode"
          value={f.mode}
          options={[
            ['excerpt', 'Excerpt and a link to the original'],
            ['full', 'Full text (we are licensed to republish)'],
          ]}
        />
        <SelectField
          id="publish"
          label="Publishing"
          value={f.publish}
          options={[
            ['review', 'Wait on the desk for review'],
            ['auto', 'Publish as they arrive'],
          ]}
        />
        <Field
          id="interval"
          label="Minutes between polls"
          type="number"
          min={5}
          max={1440}
          value={f.interval}
        />
        <Field
          id="maxAgeDays"
          label="Skip items older than (days)"
          type="number"
          min={1}
          max={3650}
          value={f.maxAgeDays}
        />
        <Field
          id="includeWords"
          label="Only items with one of these words"
          value={f.includeWords}
          hint="Separated by commas; empty takes every item."
        />
        <Field id="excludeWords" label="Never items with these words" value={f.excludeWords} />
      </div>
      <CheckField
        id="licensed"
        label="For full text: we are licensed to republish this source"
        checked={f.licensed === 'yes'}
      />
      <CheckField
        id="fullText"
        label="For full text from a feed of excerpts: fetch each story's page for the whole article"
        checked={f.fullText === 'yes'}
      />
      <CheckField
        id="mapCategories"
        label="The source's categories become tags"
        checked={f.mapCategories === 'yes'}
      />
    </>
  )
}

/** One source's settings, to change. */
export function SourceEditPage(props: {
  user: User
  csrf: string
  source: WireSource
  form: SourceForm
  sections: Category[]
  people: User[]
  error?: string | undefined
}) {
  return (
    <AdminLayout title={`Source: ${props.source.name}`} user={props.user} csrf={props.csrf}>
      <p>
        <a href="/admin/wire">← Wire</a>
      </p>
      <h1>{props.source.name}</h1>
      <p class="hint">{props.source.url}</p>
      <ErrorBox message={props.error} />
      <form method="post" action={`/admin/wire/sources/${props.source.id}`} class="stack">
        <Csrf token={props.csrf} />
        <SourceFields form={props.form} sections={props.sections} people={props.people} />
        <button type="submit">Save</button>
      </form>
    </AdminLayout>
  )
}

/** The form's fields for a stored source. */
export function sourceForm(source: WireSource): SourceForm {
  return {
    url: source.url,
    name: source.name,
    sectionId: source.sectionId === null ? '' : String(source.sectionId),
    authorId: source.authorId === null ? '' : String(source.authorId),
    tags: source.tags.join(', '),
    mode: source.mode,
    publish: source.publish,
    interval: String(source.intervalMinutes),
    maxAgeDays: source.maxAgeDays === null ? '' : String(source.maxAgeDays),
    includeWords: source.includeWords.join(', '),
    excludeWords: source.excludeWords.join(', '),
    licensed: source.mode === 'full' ? 'yes' : '',
    fullText: source.fetchFullText ? 'yes' : '',
    mapCategories: source.mapCategories ? 'yes' : '',
  }
}

function Opml({ csrf }: { csrf: string }) {
  return (
    <section aria-labelledby="opml-title">
      <h2 id="opml-title">OPML</h2>
      <p>
        <a href="/admin/wire/sources.opml" class="button">
          Export the source list
        </a>
      </p>
      <form method="post" action="/admin/wire/opml" class="stack">
        <Csrf token={csrf} />
        <label for="opml">Import: paste an OPML list</label>
        <textarea id="opml" name="opml" class="short" />
        <button type="submit" class="secondary">
          Import
        </button>
      </form>
    </section>
  )
}

function when(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never'
}
