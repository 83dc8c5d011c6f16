/**
 * The comment thread and the reply form. Each comment's Reply link is `?replytocom=ID#respond`:
 * without JavaScript the server renders the form under that comment ("Leave A Reply" with a
 * "Cancel Reply" link back); with JavaScript site.js moves the form there instead.
 */
import { formatCommentCount } from '../../../content/index.js'
import { COMMENT_LIMITS, commentParagraphs, type CommentNode } from '../../../comments/index.js'
import { invalidProps, valueOf, type FormState } from '../form-state.js'
import { FieldError, FormAlert } from './field-error.js'
import { FormTrap } from './form-trap.js'
import { formatDate } from '../format.js'
import { useSite } from '../theme-context.js'

export interface CommentsProps {
  articleSlug: string
  articlePath: string
  allowComments: boolean
  comments: CommentNode[]
  count: number
  replyTo?: number | undefined
  pending?: boolean
  /** A refused comment, shown again with the reader's text and what was wrong. */
  form?: FormState | undefined
}

export function Comments(props: CommentsProps) {
  const { comments, count, replyTo } = props
  const replying = replyTo !== undefined && findComment(comments, replyTo) !== undefined
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="section-title">
        {count > 0 ? formatCommentCount(count) : 'Comments'}
      </h2>
      {comments.length === 0 && props.allowComments && (
        <p class="comments-empty">No comments yet — start the conversation.</p>
      )}
      {comments.length > 0 && (
        <ol class="comment-list">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} {...props} replying={replying} />
          ))}
        </ol>
      )}
      <div id="respond-home" class="respond-home">
        {!replying && <RespondForm {...props} replyTo={undefined} />}
      </div>
    </section>
  )
}

function CommentItem(props: CommentsProps & { comment: CommentNode; replying: boolean }) {
  const site = useSite()
  const { comment, articlePath, replyTo, replying } = props
  const initial = comment.authorName.trim().charAt(0).toUpperCase() || '?'
  return (
    <li id={`comment-${comment.id}`} class={`comment depth-${comment.depth}`}>
      <div class="comment-body">
        <div class="comment-avatar" aria-hidden="true">
          {initial}
        </div>
        <div class="comment-main">
          <p class="comment-meta">
            <b class="comment-author">
              <bdi>{comment.authorName}</bdi>
            </b>
            <time datetime={comment.createdAt.toISOString()}>
              {formatDate(comment.createdAt, site)}
            </time>
          </p>
          <div class="comment-text">
            {commentParagraphs(comment.body).map((parts, i) => (
              <p key={i}>
                {parts.map((part, j) =>
                  part.href ? (
                    <a key={j} href={part.href} rel="nofollow ugc noopener">
                      {part.text}
                    </a>
                  ) : (
                    part.text
                  ),
                )}
              </p>
            ))}
          </div>
          {props.allowComments && (
            <a
              class="comment-reply-link"
              href={`${articlePath}?replytocom=${comment.id}#respond`}
              data-reply-to={comment.id}
              aria-label={`Reply to ${comment.authorName}`}
            >
              Reply
            </a>
          )}
        </div>
      </div>
      <div class="reply-slot">
        {replying && replyTo === comment.id && <RespondForm {...props} replyTo={comment.id} />}
      </div>
      {comment.replies.length > 0 && (
        <ol class="children">
          {comment.replies.map((c) => (
            <CommentItem key={c.id} {...props} comment={c} />
          ))}
        </ol>
      )}
    </li>
  )
}

function RespondForm(props: CommentsProps) {
  const { articleSlug, articlePath, allowComments, replyTo, pending, form } = props
  const replying = replyTo !== undefined
  const field = (name: string, id: string) => ({
    id,
    name,
    value: valueOf(form, name),
    ...invalidProps(form, name, id),
  })
  return (
    <div id="respond" class="respond">
      <div class="respond-head">
        <h2
          id="reply-title"
          class="section-title"
          data-add-text="Add A Comment"
          data-reply-text="Leave A Reply"
        >
          {replying ? 'Leave A Reply' : 'Add A Comment'}
        </h2>
        <a
          id="cancel-reply"
          class="cancel-reply"
          href={`${articlePath}#respond`}
          hidden={!replying}
        >
          Cancel Reply
        </a>
      </div>
      {pending && (
        <p class="notice" role="status">
          Your comment is awaiting moderation.
        </p>
      )}
      {allowComments ? (
        <form class="comment-form" action="/comments#respond" method="post">
          <FormAlert state={form} id="comment-form-alert" />
          <input type="hidden" name="article" value={articleSlug} />
          <input type="hidden" name="parent" value={replyTo ?? ''} data-comment-parent />
          <FormTrap />
          <p class="form-note">
            Your email address will not be published. Required fields are marked *
          </p>
          <p class="field">
            <label for="comment-body">Comment *</label>
            <textarea
              {...field('comment', 'comment-body')}
              rows={6}
              maxLength={COMMENT_LIMITS.body}
              required
            />
            <FieldError state={form} name="comment" fieldId="comment-body" />
          </p>
          <div class="field-row">
            <p class="field">
              <label for="comment-name">Name *</label>
              <input
                {...field('name', 'comment-name')}
                autocomplete="name"
                maxLength={COMMENT_LIMITS.name}
                required
              />
              <FieldError state={form} name="name" fieldId="comment-name" />
            </p>
            <p class="field">
              <label for="comment-email">Email *</label>
              <input
                {...field('email', 'comment-email')}
                type="email"
                autocomplete="email"
                maxLength={COMMENT_LIMITS.email}
                required
              />
              <FieldError state={form} name="email" fieldId="comment-email" />
            </p>
            <p class="field">
              <label for="comment-url">Website</label>
              <input
                {...field('url', 'comment-url')}
                type="url"
                autocomplete="url"
                maxLength={COMMENT_LIMITS.url}
              />
              <FieldError state={form} name="url" fieldId="comment-url" />
            </p>
          </div>
          <p class="field-check">
            <input
              id="comment-notify"
              name="notify"
              type="checkbox"
              value="1"
              checked={valueOf(form, 'notify') === '1'}
            />
            <label for="comment-notify">Email me when someone replies</label>
          </p>
          <p>
            <button class="button" type="submit">
              Post Comment
            </button>
          </p>
        </form>
      ) : (
        <ClosedNotice form={form} />
      )}
    </div>
  )
}

/** Comments closed; a comment that arrived anyway is shown back so its writer can keep it. */
function ClosedNotice({ form }: { form: FormState | undefined }) {
  const text = valueOf(form, 'comment')
  return (
    <>
      <p class="comments-closed" role={form ? 'alert' : undefined}>
        Comments are closed.
      </p>
      {text && (
        <p class="field">
          <label for="comment-kept">Your comment was not posted. Here is its text to keep:</label>
          <textarea id="comment-kept" rows={6} readOnly value={text} />
        </p>
      )}
    </>
  )
}

function findComment(nodes: CommentNode[], id: number): CommentNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node
    const found = findComment(node.replies, id)
    if (found) return found
  }
  return undefined
}
