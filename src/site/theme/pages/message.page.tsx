import { BaseLayout } from '../layouts/base-layout.js'

export interface MessagePageProps {
  title: string
  message: string
  backHref?: string | undefined
  backLabel?: string | undefined
  /** A one-button POST form (e.g. "Unsubscribe"), for links that must not act on GET. */
  form?: { action: string; label: string } | undefined
}

/** A short answer to a form: "Thanks — please check your inbox to confirm". */
export function MessagePage({
  title,
  message,
  backHref = '/',
  backLabel = 'Back to the front page',
  form,
}: MessagePageProps) {
  return (
    <BaseLayout title={title} noindex bodyClass="message">
      <main id="main" class="wrap narrow message-page">
        <h1>{title}</h1>
        <p class="lede">{message}</p>
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
