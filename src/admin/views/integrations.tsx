import type { User } from '../../auth/index.js'
import type { Integration } from '../../integrations/index.js'
import type { Webhook, WebhookDelivery } from '../../webhooks/index.js'
import { AdminLayout, Csrf, ErrorBox, Field, Notice, SelectField } from './layout.js'

const ROLES_FOR_KEYS = ['admin', 'editor', 'author', 'contributor'] as const

/** Settings → Integrations: API clients, their keys, and the form to add one. */
export function IntegrationsPage(props: {
  user: User
  csrf: string
  integrations: Integration[]
  webhooks: Webhook[]
  deliveries: WebhookDelivery[]
  events: readonly string[]
  /** What was typed into a webhook form that was refused, to show it again. */
  webhookForm?: { integrationId: number; event: string; targetUrl: string; name: string }
  error?: string | undefined
  notice?: string | undefined
}) {
  const disabled = props.webhooks.filter((w) => w.status === 'disabled')
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
      {disabled.length > 0 && (
        <p class="error" role="alert" data-testid="disabled-webhooks">
          {disabled.length === 1 ? 'A webhook was' : `${disabled.length} webhooks were`} disabled
          after 20 failed deliveries in a row:{' '}
          {disabled.map((w) => `${w.event} → ${w.targetUrl}`).join(', ')}. Check the receiver, then
          enable it again below.
        </p>
      )}
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
          <WebhookList
            integration={integration}
            webhooks={props.webhooks.filter((w) => w.integrationId === integration.id)}
            deliveries={props.deliveries}
            csrf={props.csrf}
          />
          <WebhookForm
            integration={integration}
            events={props.events}
            csrf={props.csrf}
            typed={
              props.webhookForm?.integrationId === integration.id ? props.webhookForm : undefined
            }
          />
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

function WebhookList(props: {
  integration: Integration
  webhooks: Webhook[]
  deliveries: WebhookDelivery[]
  csrf: string
}) {
  if (props.webhooks.length === 0) return <p>No webhooks.</p>
  return (
    <div class="stack">
      <h3>Webhooks</h3>
      {props.webhooks.map((webhook) => {
        const log = props.deliveries.filter((d) => d.webhookId === webhook.id)
        return (
          <div key={webhook.id} class="stack" data-testid={`webhook-${webhook.id}`}>
            <p>
              <strong>{webhook.event}</strong> → <code>{webhook.targetUrl}</code>
              {webhook.name ? ` (${webhook.name})` : ''}
              {webhook.secret ? ' · signed' : ''}
              {webhook.status === 'disabled' ? ' · disabled' : ''}
            </p>
            <div class="actions">
              {webhook.status === 'disabled' && (
                <form method="post" action={`/admin/integrations/webhooks/${webhook.id}/enable`}>
                  <Csrf token={props.csrf} />
                  <button type="submit">Enable again</button>
                </form>
              )}
              <form method="post" action={`/admin/integrations/webhooks/${webhook.id}/delete`}>
                <Csrf token={props.csrf} />
                <button type="submit" class="danger">
                  Delete webhook
                </button>
              </form>
            </div>
            {log.length === 0 ? (
              <p class="hint">Nothing delivered yet.</p>
            ) : (
              <table>
                <caption>Latest deliveries</caption>
                <thead>
                  <tr>
                    <th scope="col">Time (UTC)</th>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Answer</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {log.map((delivery) => (
                    <tr key={delivery.id} data-testid="delivery">
                      <td>
                        <time datetime={delivery.createdAt.toISOString()}>
                          {delivery.createdAt.toISOString().slice(0, 19).replace('T', ' ')}
                        </time>
                      </td>
                      <td>{delivery.event}</td>
                      <td>{delivery.statusCode ?? '—'}</td>
                      <td>{delivery.durationMs} ms</td>
                      <td>{delivery.error ?? delivery.responseStart ?? ''}</td>
                      <td>
                        <form
                          method="post"
                          action={`/admin/integrations/deliveries/${delivery.id}/redeliver`}
                        >
                          <Csrf token={props.csrf} />
                          <button type="submit">Redeliver</button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )
      })}
    </div>
  )
}

function WebhookForm(props: {
  integration: Integration
  events: readonly string[]
  csrf: string
  typed: { event: string; targetUrl: string; name: string } | undefined
}) {
  const id = (name: string) => `webhook-${name}-${props.integration.id}`
  return (
    <form
      class="stack"
      method="post"
      action={`/admin/integrations/${props.integration.id}/webhooks`}
    >
      <h3>Add a webhook to {props.integration.name}</h3>
      <Csrf token={props.csrf} />
      <div>
        <label for={id('event')}>Event</label>
        <select id={id('event')} name="event">
          {props.events.map((event) => (
            <option key={event} value={event} selected={props.typed?.event === event}>
              {event}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for={id('target')}>Target URL</label>
        <input
          id={id('target')}
          name="target_url"
          type="url"
          required
          value={props.typed?.targetUrl ?? ''}
        />
      </div>
      <div>
        <label for={id('name')}>Name (optional)</label>
        <input id={id('name')} name="name" type="text" value={props.typed?.name ?? ''} />
      </div>
      <div>
        <label for={id('secret')}>Secret (optional: signs each delivery)</label>
        <input id={id('secret')} name="secret" type="password" autocomplete="off" />
      </div>
      <div class="actions">
        <button type="submit">Add webhook</button>
      </div>
    </form>
  )
}
