import type { FormState } from '../form-state.js'
import { BaseLayout } from '../layouts/base-layout.js'
import { useComponents, useSite } from '../theme-context.js'

export interface SubscribePageProps {
  /** A refused sign-up shown again with the typed address and what was wrong. */
  form?: FormState | undefined
}

/** The newsletter page that the header's Subscribe button leads to. */
export function SubscribePage({ form }: SubscribePageProps) {
  const { settings } = useSite()
  const c = useComponents()
  return (
    <BaseLayout title="Subscribe to News" bodyClass="message">
      <main id="main" class="wrap narrow message-page">
        <h1>Subscribe to News</h1>
        {settings.newsletterBlurb && <p class="lede">{settings.newsletterBlurb}</p>}
        <c.newsletterForm id="subscribe-page" source="subscribe-page" form={form} />
        <p class="form-note">We send one email a day. Unsubscribe with one click at any time.</p>
      </main>
    </BaseLayout>
  )
}
