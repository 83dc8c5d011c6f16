import { BaseLayout } from '../layouts/base-layout.js'

export interface MessagePageProps {
  title: string
  message: string
  backHref?: string | undefined
  backLabel?: string | undefined
}

/** A short answer to a form: "Thanks — please check your inbox to confirm". */
export function MessagePage({
  title,
  message,
  backHref = '/',
  backLabel = 'Back to the front page',
}: MessagePageProps) {
  return (
    <BaseLayout title={title} noindex bodyClass="message">
      <main id="main" class="wrap narrow message-page">
        <h1>{title}</h1>
        <p class="lede">{message}</p>
        <p>
          <a class="button" href={backHref}>
            {backLabel}
          </a>
        </p>
      </main>
    </BaseLayout>
  )
}
