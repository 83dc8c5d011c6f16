import type { AuditEntry, User } from '../../auth/index.js'
import type { Category, Redirect, TagWithCount } from '../../content/index.js'
import type { MenuItem, SiteSettings } from '../../settings/index.js'
import { AdminLayout, Csrf, ErrorBox, Field, Notice, SelectField } from './layout.js'
import { When } from './chrome.js'
import { FilterBar, ListPager, ListSummary } from './list-controls.js'

interface Base {
  user: User
  csrf: string
  notice?: string | undefined
  error?: string | undefined
}

function Page(props: Base & { title: string; children: preact.ComponentChildren }) {
  return (
    <AdminLayout title={props.title} user={props.user} csrf={props.csrf}>
      <p>
        <a href="/admin/site">Site management</a>
      </p>
      <h1>{props.title}</h1>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      {props.children}
    </AdminLayout>
  )
}

export function SiteHubPage(props: Base & { admin: boolean }) {
  const links: [string, string][] = [
    ['/admin/sections', 'Sections'],
    ['/admin/tags', 'Tags'],
    ['/admin/menus', 'Menus'],
    ['/admin/redirects', 'Redirects'],
    ...(props.admin
      ? ([
          ['/admin/settings', 'Site settings'],
          ['/admin/users', 'Users'],
          ['/admin/audit', 'Audit log'],
        ] as [string, string][])
      : []),
  ]
  return (
    <AdminLayout title="Site management" user={props.user} csrf={props.csrf}>
      <h1>Site management</h1>
      <ul class="cards">
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  )
}

/** Sections in tree order with their depth. */
export function sectionTree(sections: Category[]): { section: Category; depth: number }[] {
  const out: { section: Category; depth: number }[] = []
  const walk = (parentId: number | null, depth: number) => {
    sections
      .filter((s) => s.parentId === parentId)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .forEach((s) => {
        out.push({ section: s, depth })
        if (depth < 10) walk(s.id, depth + 1)
      })
  }
  walk(null, 0)
  return out
}

function MoveButtons(props: { action: string; csrf: string; id: number; name: string }) {
  return (
    <>
      {(['up', 'down'] as const).map((direction) => (
        <form key={direction} method="post" action={props.action} class="inline">
          <Csrf token={props.csrf} />
          <input type="hidden" name="id" value={String(props.id)} />
          <input type="hidden" name="direction" value={direction} />
          <button
            type="submit"
            class="secondary small"
            aria-label={`Move ${props.name} ${direction}`}
          >
            {direction === 'up' ? '↑' : '↓'}
          </button>
        </form>
      ))}
    </>
  )
}

export function SectionsPage(props: Base & { sections: Category[] }) {
  const tree = sectionTree(props.sections)
  return (
    <Page {...props} title="Sections">
      <table>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Description</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {tree.map(({ section, depth }) => (
            <tr key={section.id}>
              <td class={`depth-${Math.min(depth, 5)}`}>
                <a href={`/admin/sections/${section.id}`}>{section.name}</a>{' '}
                <span class="hint">/{section.slug}/</span>
              </td>
              <td>{section.description}</td>
              <td class="actions">
                <MoveButtons
                  action="/admin/sections/move"
                  csrf={props.csrf}
                  id={section.id}
                  name={section.name}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a section</h2>
      <form method="post" action="/admin/sections" class="stack">
        <Csrf token={props.csrf} />
        <Field id="name" label="Name" required />
        <Field id="description" label="Description" />
        <SelectField
          id="parentSlug"
          label="Inside"
          value=""
          options={[
            ['', 'Top level'],
            ...tree.map(
              ({ section, depth }) =>
                [section.slug, `${'— '.repeat(depth)}${section.name}`] as const,
            ),
          ]}
        />
        <div class="actions">
          <button type="submit">Add section</button>
        </div>
      </form>
    </Page>
  )
}

export function SectionEditPage(props: Base & { section: Category; sections: Category[] }) {
  const { section } = props
  const tree = sectionTree(props.sections)
  return (
    <Page {...props} title={`Section: ${section.name}`}>
      <form method="post" action={`/admin/sections/${section.id}`} class="stack">
        <Csrf token={props.csrf} />
        <Field id="name" label="Name" value={section.name} required />
        <div>
          <label for="description">Description</label>
          <textarea id="description" name="description" class="short">
            {section.description}
          </textarea>
        </div>
        <SelectField
          id="parentId"
          label="Inside"
          value={section.parentId === null ? '' : String(section.parentId)}
          options={[
            ['', 'Top level'],
            ...tree
              .filter(({ section: s }) => s.id !== section.id)
              .map(
                ({ section: s, depth }) =>
                  [String(s.id), `${'— '.repeat(depth)}${s.name}`] as const,
              ),
          ]}
        />
        <div class="actions">
          <button type="submit">Save section</button>
        </div>
      </form>
    </Page>
  )
}

export function TagsPage(
  props: Base & {
    tags: TagWithCount[]
    total: number
    q: string
    page: number
    perPage: number
    /** What was typed in a row's form that was refused, shown again. */
    typed?: { tagId: number; field: 'name' | 'into'; value: string } | undefined
  },
) {
  const params = { q: props.q }
  const typed = (tagId: number, field: 'name' | 'into') =>
    props.typed?.tagId === tagId && props.typed.field === field ? props.typed.value : undefined
  return (
    <Page {...props} title="Tags">
      <FilterBar
        base="/admin/tags"
        q={props.q}
        searchLabel="Search tags"
        placeholder="Name or address"
      />
      <ListSummary
        page={props.page}
        perPage={props.perPage}
        total={props.total}
        empty={
          props.q ? 'No tag matches that search.' : 'No tags yet: they are added with stories.'
        }
      />
      {props.tags.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Articles</th>
                <th scope="col">Rename</th>
                <th scope="col">Merge into</th>
              </tr>
            </thead>
            <tbody>
              {props.tags.map((tag) => (
                <tr key={tag.id}>
                  <td>
                    {tag.name} <span class="hint">/tag/{tag.slug}/</span>
                  </td>
                  <td>{tag.articleCount}</td>
                  <td>
                    <form method="post" action={`/admin/tags/${tag.id}/rename`} class="actions">
                      <Csrf token={props.csrf} />
                      <input
                        type="text"
                        name="name"
                        value={typed(tag.id, 'name') ?? tag.name}
                        aria-label={`New name for ${tag.name}`}
                        required
                      />
                      <button type="submit" class="secondary">
                        Rename
                      </button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`/admin/tags/${tag.id}/merge`} class="actions">
                      <Csrf token={props.csrf} />
                      <input
                        type="text"
                        name="into"
                        value={typed(tag.id, 'into') ?? ''}
                        aria-label={`Tag to merge ${tag.name} into`}
                        placeholder="Another tag’s name"
                        required
                      />
                      <button type="submit" class="secondary">
                        Merge
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPager
        base="/admin/tags"
        params={params}
        page={props.page}
        perPage={props.perPage}
        total={props.total}
      />
    </Page>
  )
}

export function MenusPage(props: Base & { menus: { location: string; items: MenuItem[] }[] }) {
  return (
    <Page {...props} title="Menus">
      {props.menus.map((menu) => (
        <section key={menu.location} aria-labelledby={`menu-${menu.location}`}>
          <h2 id={`menu-${menu.location}`}>
            {menu.location[0]?.toUpperCase()}
            {menu.location.slice(1)} menu
          </h2>
          {menu.items.length === 0 ? (
            <p class="hint">This menu is empty.</p>
          ) : (
            <ol class="menu-items" data-location={menu.location}>
              {menu.items.map((item) => (
                <li key={item.id} data-id={String(item.id)}>
                  <span class="label">{item.label}</span> <span class="hint">{item.url}</span>{' '}
                  <MoveButtons
                    action={`/admin/menus/${menu.location}/move`}
                    csrf={props.csrf}
                    id={item.id}
                    name={item.label}
                  />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      <script src="/admin/assets/menus.js" defer />
    </Page>
  )
}

export function RedirectsPage(props: Base & { redirects: (Redirect & { createdAt: Date })[] }) {
  return (
    <Page {...props} title="Redirects">
      <form method="post" action="/admin/redirects" class="actions">
        <Csrf token={props.csrf} />
        <div>
          <label for="fromPath">Old path</label>
          <input id="fromPath" name="fromPath" type="text" required placeholder="/old-story/" />
        </div>
        <div>
          <label for="toPath">New path or URL</label>
          <input id="toPath" name="toPath" type="text" required placeholder="/2026/11/new-story/" />
        </div>
        <button type="submit">Add redirect</button>
      </form>
      <table>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col">Delete</th>
          </tr>
        </thead>
        <tbody>
          {props.redirects.map((r) => (
            <tr key={r.fromPath}>
              <td>{r.fromPath}</td>
              <td>{r.toPath}</td>
              <td>{r.statusCode}</td>
              <td>
                <form method="post" action="/admin/redirects/delete">
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="fromPath" value={r.fromPath} />
                  <button
                    type="submit"
                    class="danger"
                    aria-label={`Delete redirect from ${r.fromPath}`}
                  >
                    Delete
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  )
}

export function AuditPage(props: Base & { entries: AuditEntry[]; names: Map<number, string> }) {
  return (
    <Page {...props} title="Audit log">
      <table>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Subject</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr key={e.id}>
              <td>
                <When date={e.createdAt} />
              </td>
              <td>{e.userId === null ? '—' : (props.names.get(e.userId) ?? `#${e.userId}`)}</td>
              <td>{e.action}</td>
              <td>
                {e.subjectType === 'article' && e.subjectId !== null ? (
                  <a href={`/admin/articles/${e.subjectId}`}>article #{e.subjectId}</a>
                ) : (
                  `${e.subjectType}${e.subjectId === null ? '' : ` #${e.subjectId}`}`
                )}
              </td>
              <td>
                <code>{JSON.stringify(e.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  )
}

export function SettingsPage(props: Base & { settings: SiteSettings; networks: string[] }) {
  const s = props.settings
  return (
    <Page {...props} title="Site settings">
      <form method="post" action="/admin/settings/site" class="stack">
        <Csrf token={props.csrf} />
        <Field id="title" label="Site title" value={s.title} required />
        <Field id="tagline" label="Tagline" value={s.tagline} />
        <Field
          id="logoUrl"
          label="Logo URL"
          value={s.logoUrl}
          hint="A path like /media/… or a URL."
        />
        <Field id="faviconUrl" label="Favicon URL" value={s.faviconUrl} />
        <div class="three">
          <Field
            id="timeZone"
            label="Time zone"
            value={s.timeZone}
            hint="For example Europe/London."
          />
          <Field id="locale" label="Locale" value={s.locale} hint="For example en-GB." />
          <SelectField
            id="dateFormat"
            label="Date format"
            value={s.dateFormat}
            options={[
              ['long', '17 November 2026'],
              ['medium', '17 Nov 2026'],
              ['short', '17/11/2026'],
            ]}
          />
        </div>
        <Field id="contactEmail" label="Contact email" type="email" value={s.contactEmail} />
        <SelectField
          id="commentPolicy"
          label="Comment policy"
          value={s.commentPolicy}
          options={[
            ['hold-first', 'Hold a reader’s first comment for moderation'],
            ['hold-all', 'Hold every comment for moderation'],
            ['publish', 'Publish comments at once'],
          ]}
        />
        <fieldset>
          <legend>Social links</legend>
          {props.networks.map((n) => (
            <Field
              key={n}
              id={`social.${n}`}
              label={n === 'x' ? 'X (Twitter)' : `${n[0]?.toUpperCase()}${n.slice(1)}`}
              type="url"
              value={s.social[n as keyof SiteSettings['social']] ?? ''}
            />
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">Save settings</button>
        </div>
      </form>
      <h2>Ad slots</h2>
      <ul>
        {Object.keys(s.adSlots).map((slot) => (
          <li key={slot}>{slot}</li>
        ))}
      </ul>
      <form method="post" action="/admin/ad-slots" class="stack">
        <Csrf token={props.csrf} />
        <Field
          id="slot"
          label="Slot name"
          hint="Lowercase, e.g. sidebar or article-end."
          required
        />
        <div>
          <label for="html">Ad HTML</label>
          <textarea id="html" name="html" class="short" />
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            Save ad slot
          </button>
        </div>
      </form>
    </Page>
  )
}
