import { yearOf } from '../format.js'
import { useComponents, useSite } from '../theme-context.js'
import { SiteLogo } from './site-logo.js'

/**
 * Footer: about, contact email, social links, "Subscribe to Updates", the sections and the footer
 * menu, copyright.
 */
export function Footer() {
  const site = useSite()
  const { newsletterForm: NewsletterForm, socialLinks: SocialLinks } = useComponents()
  const { settings } = site
  return (
    <footer class="site-footer">
      <div class="wrap footer-grid">
        <div class="footer-about">
          <SiteLogo />
          {settings.description && <p>{settings.description}</p>}
          {settings.contactEmail && (
            <p class="footer-contact">
              <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
            </p>
          )}
          <SocialLinks label="Social links" />
        </div>
        <section class="footer-newsletter" aria-labelledby="footer-subscribe-title">
          <h2 id="footer-subscribe-title">Subscribe to Updates</h2>
          {settings.footerNewsletterBlurb && <p>{settings.footerNewsletterBlurb}</p>}
          <NewsletterForm id="footer-newsletter" source="footer" />
        </section>
      </div>
      <div class="footer-bottom">
        <div class="wrap footer-bottom-inner">
          {/* The header's menu link points here when JavaScript is off: every section, then pages. */}
          <nav id="footer-nav" aria-label="Footer">
            <ul class="menu footer-menu">
              {[...site.primaryMenu, ...site.footerMenu].map((item) => (
                <li key={item.id}>
                  <a href={item.url}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <p class="copyright">
            © {yearOf(site.now, site)} {settings.title}
          </p>
        </div>
      </div>
    </footer>
  )
}
