import type { User } from '../../auth/index.js'
import type { Integration } from '../../integrations/index.js'
import { AdminLayout, Csrf, ErrorBox, Field, Notice, SelectField } from './layout.js'

const ROLES_FOR_KEYS = ['admin', 'editor', 'author', 'contributor'] as const

/** Settings → Integrations: API clients, their keys, and the form to add one. */
export function IntegrationsPage(props: {
  user: User
  csrf: string
  integrations: Integration[]
  error?: string | undefined
  notice?: string | undefined
}) {
  return (
    <AdminLayout title="Integrations" user={props.user} csrf={props.csrf}>
      <h1>Integrations</h1>
      <p class="hint">
        Apps, scripts and headless front-ends reach the site through the Ghost-compatible Content
        API (read, with the Content API key) and Admin API (write, with the Admin API key). Each
        integration acts with the role chosen here.
      </p>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      {props.integrations.length === 0 && <p>No integrations yet.</p>}
      {props.integrations.map((integration) => (
        <section
          key={integration.id}
          class="stack"
          aria-labelledby={`integration-${integration.id}`}
        >
          <h2 id={`integration-${integration.id}`}>
            {integration.name} <small>({integration.role})</small>
          </h2>
          <dl>
            <dt>Content API key</dt>
            <dd>
              <code data-testid="content-key">{integration.contentKey}</code>
            </dd>
            <dt>Admin API key</dt>
            <dd>
              <code data-testid="admin-key">{integration.adminApiKey}</code>
            </dd>
          </dl>
          <div class="actions">
            <form method="post" action={`/admin/integrations/${integration.id}/rotate`}>
              <Csrf token={props.csrf} />
              <input type="hidden" name="key" value="content" />
              <button type="submit">Regenerate Content API key</button>
            </form>
            <form method="post" action={`/admin/integrations/${integration.id}/rotate`}>
              <Csrf token={props.csrf} />
              <input type="hidden" name="key" value="admin" />
              <button type="submit">Regenerate Admin API key</button>
            </form>
            <form method="post" action={`/admin/integrations/${integration.id}/delete`}>
              <Csrf token={props.csrf} />
              <button type="submit" class="danger">
                Delete {integration.name}
              </button>
            </form>
          </div>
        </section>
      ))}
      <h2>Add an integration</h2>
      <form class="stack" method="post" action="/admin/integrations">
        <Csrf token={props.csrf} />
        <Field id="name" label="Name" required />
        <SelectField
          id="role"
          label="Acts as"
          value="editor"
          options={ROLES_FOR_KEYS.map((r) => [r, r] as const)}
        />
        <div class="actions">
          <button type="submit">Create integration</button>
        </div>
      </form>
    </AdminLayout>
  )
}
