import { BaseLayout } from '../layouts/base-layout.js'
import { useComponents, useSite } from '../theme-context.js'

/** The newsletter page that the header's Subscribe button leads to. */
export function SubscribePage(_props: Record<string, never>) {
  const { settings } = useSite()
  const c = useComponents()
  return (
    <BaseLayout title="Subscribe to News" bodyClass="message">
      <main id="main" class="wrap narrow message-page">
        <h1>Subscribe to News</h1>
        {settings.newsletterBlurb && <p class="lede">{settings.newsletterBlurb}</p>}
        <c.newsletterForm id="subscribe-page" source="subscribe-page" />
        <p class="form-note">We send one email a day. Unsubscribe with one click at any time.</p>
      </main>
    </BaseLayout>
  )
}
