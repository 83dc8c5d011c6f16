import type { User } from '../../auth/index.js'
import type { MediaItem, MediaWithVariants } from '../../media/index.js'
import { AdminLayout, Csrf, ErrorBox, Notice } from './layout.js'
import { FilterBar, ListPager, ListSummary } from './list-controls.js'

export const MEDIA_TYPES: [string, string][] = [
  ['', 'All images'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/webp', 'WebP'],
  ['image/gif', 'GIF'],
  ['image/avif', 'AVIF'],
]

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`

export function MediaLibraryPage(props: {
  user: User
  csrf: string
  items: MediaItem[]
  total: number
  /** A search limited to the newest this-many matches (see ListSummary). */
  searchedNewest?: number | undefined
  page: number
  perPage: number
  q: string
  type: string
  canUpload: boolean
  notice?: string | undefined
  error?: string | undefined
}) {
  return (
    <AdminLayout title="Media library" user={props.user} csrf={props.csrf}>
      <h1>Media library</h1>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      {props.canUpload ? (
        <form
          method="post"
          action="/admin/media"
          encType="multipart/form-data"
          class="dropzone stack"
          id="upload-form"
        >
          <Csrf token={props.csrf} />
          <div>
            <label for="file">Upload images</label>
            <input
              id="file"
              name="file"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              aria-describedby="file-hint"
            />
            <p class="hint" id="file-hint">
              JPEG, PNG, WebP, GIF or AVIF, up to 20 MB each. You can also drop files here.
            </p>
          </div>
          <div class="actions">
            <button type="submit">Upload</button>
          </div>
          <p class="hint" id="upload-status" role="status" />
        </form>
      ) : (
        <p class="hint">Your role can use images from the library but not upload new ones.</p>
      )}
      <FilterBar
        base="/admin/media"
        q={props.q}
        searchLabel="Search images"
        placeholder="Alt text, caption, credit or file name"
      >
        <div>
          <label for="type">Type</label>
          <select id="type" name="type">
            {MEDIA_TYPES.map(([value, label]) => (
              <option key={value} value={value} selected={value === props.type}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </FilterBar>
      <ListSummary
        page={props.page}
        perPage={props.perPage}
        total={props.total}
        empty={props.q || props.type ? 'No images match.' : 'No images yet.'}
        searchedNewest={props.searchedNewest}
        rows="images"
      />
      <ul class="media-grid" aria-label="Images">
        {props.items.map((m) => (
          <li key={m.id}>
            <a href={`/admin/media/${m.id}`}>
              {/* The link's text names the image; the thumbnail itself adds nothing to read. */}
              <img src={m.url} alt="" loading="lazy" width={160} height={112} />
              <span>{m.alt || `Image ${m.id} (no alt text)`}</span>
            </a>
            <br />
            <span class="hint">
              {m.mimeType.replace('image/', '').toUpperCase()} · {m.width}×{m.height} ·{' '}
              {size(m.bytes)}
            </span>
          </li>
        ))}
      </ul>
      <ListPager
        base="/admin/media"
        params={{ q: props.q, type: props.type }}
        page={props.page}
        perPage={props.perPage}
        total={props.total}
      />
      <script src="/admin/assets/media-library.js" defer />
    </AdminLayout>
  )
}

export function MediaItemPage(props: {
  user: User
  csrf: string
  item: MediaWithVariants
  usage: { id: number; title: string; status: string }[]
  canEdit: boolean
  notice?: string | undefined
  error?: string | undefined
}) {
  const { item } = props
  return (
    <AdminLayout title={`Image ${item.id}`} user={props.user} csrf={props.csrf}>
      <h1>Image {item.id}</h1>
      <p>
        <a href="/admin/media">Back to the library</a>
      </p>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      <img
        src={item.url}
        alt={item.alt}
        width={item.width ?? undefined}
        height={item.height ?? undefined}
        class="fluid"
      />
      <p class="hint">
        {item.mimeType} · {item.width}×{item.height} · {size(item.bytes)} · {item.variants.length}{' '}
        variants
      </p>
      {props.canEdit ? (
        <form method="post" action={`/admin/media/${item.id}`} class="stack">
          <Csrf token={props.csrf} />
          <div>
            <label for="alt">Alt text</label>
            <input id="alt" name="alt" type="text" value={item.alt} />
          </div>
          <div>
            <label for="caption">Caption</label>
            <input id="caption" name="caption" type="text" value={item.caption} />
          </div>
          <div>
            <label for="credit">Credit</label>
            <input id="credit" name="credit" type="text" value={item.credit} />
          </div>
          <div class="actions">
            <button type="submit">Save details</button>
          </div>
        </form>
      ) : (
        <dl>
          <dt>Alt text</dt>
          <dd>{item.alt || '—'}</dd>
          <dt>Caption</dt>
          <dd>{item.caption || '—'}</dd>
          <dt>Credit</dt>
          <dd>{item.credit || '—'}</dd>
        </dl>
      )}
      <h2>Used in</h2>
      {props.usage.length === 0 ? (
        <p>Not used as a featured image yet.</p>
      ) : (
        <ul>
          {props.usage.map((a) => (
            <li key={a.id}>
              <a href={`/admin/articles/${a.id}`}>{a.title}</a> ({a.status})
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  )
}
