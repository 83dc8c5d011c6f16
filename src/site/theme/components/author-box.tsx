import type { User } from '../../../auth/index.js'
import type { AuthorRef } from '../../../content/index.js'
import { useComponents } from '../theme-context.js'

/** An author's card: avatar, name linking to their page, bio and social links. */
export function AuthorBox({
  author,
  bio,
  social,
  level = 2,
}: {
  author: AuthorRef
  bio?: string | undefined
  social?: User['social'] | undefined
  level?: 2 | 3
}) {
  const { socialLinks: SocialLinks } = useComponents()
  const Heading = `h${level}` as 'h2'
  return (
    <div class="author-box">
      {author.avatarUrl && (
        <img class="avatar" src={author.avatarUrl} alt="" width={96} height={96} loading="lazy" />
      )}
      <div>
        <Heading class="author-box-name">
          <a href={`/author/${author.slug}/`} rel="author">
            <bdi>{author.name}</bdi>
          </a>
        </Heading>
        {bio && <p class="author-bio">{bio}</p>}
        {social && (
          <SocialLinks
            profiles={social as Record<string, string>}
            label={`${author.name} elsewhere`}
          />
        )}
      </div>
    </div>
  )
}
