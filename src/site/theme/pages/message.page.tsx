import { BaseLayout } from '../layouts/base-layout.js'

export interface MessagePageProps {
  title: string
  message: string
  backHref?: string | undefined
  backLabel?: string | undefined
  /** A one-button POST form (e.g. "Unsubscribe"), for links that must not act on GET. */
  form?: { action: string; label: string } | undefined
  /** Text a reader wrote that could not be taken, shown back so it is not lost. */
  kept?: { label: string; text: string } | undefined
}

/** A short answer to a form: "Thanks — please check your inbox to confirm". */
export function MessagePage({
  title,
  message,
  backHref = '/',
  backLabel = 'Back to the front page',
  form,
  kept,
}: MessagePageProps) {
  return (
    <BaseLayout title={title} noindex bodyClass="message">
      <main id="main" class="wrap narrow message-page">
        <h1>{title}</h1>
        <p class="lede" data-error-message={kept ? '' : undefined}>
          {message}
        </p>
        {kept && (
          <p class="field">
            <label for="kept-text">{kept.label}</label>
            <textarea id="kept-text" rows={8} readOnly value={kept.text} />
          </p>
        )}
        {form && (
          <form method="post" action={form.action}>
            <button class="button" type="submit">
              {form.label}
            </button>
          </form>
        )}
        <p>
          <a class="button" href={backHref}>
            {backLabel}
          </a>
        </p>
      </main>
    </BaseLayout>
  )
}
