/**
 * The newsletter as mail: responsive, table-free HTML (one centred column that shrinks on
 * phones) plus plain text, with the site's name as the masthead and a visible unsubscribe
 * link; the List-Unsubscribe headers are added by the sender.
 */
export interface MailStory {
  title: string
  url: string
  standfirst: string
  section?: string | undefined
}

export interface NewsletterContent {
  siteTitle: string
  tagline: string
  publicUrl: string
  heading: string
  stories: MailStory[]
  unsubscribeUrl: string
}

export function renderNewsletter(content: NewsletterContent): { html: string; text: string } {
  const e = escapeHtml
  const stories = content.stories
    .map(
      (s) =>
        `<div style="padding:16px 0;border-top:1px solid #e5e5e5">${
          s.section
            ? `<p style="margin:0 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:#c0392b">${e(s.section)}</p>`
            : ''
        }<h2 style="margin:0 0 6px;font-size:20px;line-height:1.25"><a href="${e(s.url)}" style="color:#111;text-decoration:none">${e(s.title)}</a></h2>${
          s.standfirst
            ? `<p style="margin:0;color:#444;font-size:15px;line-height:1.5">${e(s.standfirst)}</p>`
            : ''
        }</div>`,
    )
    .join('')
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(content.heading)}</title></head><body style="margin:0;background:#f4f4f4;font-family:Georgia,'Times New Roman',serif"><div style="max-width:600px;margin:0 auto;background:#fff;padding:24px 20px"><p style="margin:0;font-size:28px;font-weight:bold;text-align:center"><a href="${e(content.publicUrl)}/" style="color:#111;text-decoration:none">${e(content.siteTitle)}</a></p><p style="margin:4px 0 20px;text-align:center;color:#666;font-size:14px">${e(content.tagline)}</p><h1 style="font-size:16px;font-family:Arial,sans-serif;text-transform:uppercase;letter-spacing:.08em;margin:0 0 8px">${e(content.heading)}</h1>${stories}<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e5e5e5;font-family:Arial,sans-serif;font-size:12px;color:#666">You receive this because you subscribed to ${e(content.siteTitle)}. <a href="${e(content.unsubscribeUrl)}" style="color:#666">Unsubscribe</a></p></div></body></html>`
  const text = [
    content.siteTitle.toUpperCase(),
    content.heading,
    '',
    ...content.stories.flatMap((s) =>
      [s.title, s.standfirst, s.url, ''].filter((l, i) => i !== 1 || l),
    ),
    `Unsubscribe: ${content.unsubscribeUrl}`,
  ].join('\n')
  return { html, text }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
