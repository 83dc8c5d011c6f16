import type { User } from '../../auth/index.js'
import type { Article, Revision, RevisionWithDoc } from '../../content/index.js'
import type { DiffPart } from '../../text/word-diff.js'
import { When } from './chrome.js'
import { AdminLayout, Csrf } from './layout.js'

export function RevisionsPage(props: {
  user: User
  csrf: string
  article: Article
  revisions: (Revision & { by: string })[]
  canRestore: boolean
}) {
  const { article } = props
  return (
    <AdminLayout title={`Revisions: ${article.title}`} user={props.user} csrf={props.csrf}>
      <h1>Revisions</h1>
      <p>
        <a href={`/admin/articles/${article.id}`}>Back to “{article.title}”</a> (now version{' '}
        {article.version})
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Headline</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.revisions.map((r) => (
            <tr key={r.id}>
              <td>{r.version}</td>
              <td>
                <When date={r.createdAt} />
              </td>
              <td>{r.by}</td>
              <td>{r.title}</td>
              <td class="actions">
                <a
                  href={`/admin/articles/${article.id}/revisions/${r.id}`}
                  aria-label={`Compare version ${r.version} with the current text`}
                >
                  Compare
                </a>
                {props.canRestore && r.version !== article.version && (
                  <RestoreForm article={article} revision={r} csrf={props.csrf} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  )
}

function RestoreForm(props: { article: Article; revision: Revision; csrf: string }) {
  return (
    <form
      method="post"
      action={`/admin/articles/${props.article.id}/revisions/${props.revision.id}/restore`}
    >
      <Csrf token={props.csrf} />
      <input type="hidden" name="version" value={String(props.article.version)} />
      <button
        type="submit"
        class="secondary"
        aria-label={`Restore version ${props.revision.version}`}
      >
        Restore
      </button>
    </form>
  )
}

/** Side by side: the revision on the left (removals marked), the current text on the right. */
export function RevisionDiffPage(props: {
  user: User
  csrf: string
  article: Article
  revision: RevisionWithDoc
  title: DiffPart[]
  standfirst: DiffPart[]
  body: DiffPart[]
  canRestore: boolean
}) {
  const { article, revision } = props
  const rows: [string, DiffPart[]][] = [
    ['Headline', props.title],
    ['Standfirst', props.standfirst],
    ['Body', props.body],
  ]
  return (
    <AdminLayout title={`Compare version ${revision.version}`} user={props.user} csrf={props.csrf}>
      <h1>
        Version {revision.version} compared with the current version {article.version}
      </h1>
      <p>
        <a href={`/admin/articles/${article.id}/revisions`}>All revisions</a>
      </p>
      <table class="diff">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Version {revision.version}</th>
            <th scope="col">Current (version {article.version})</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, parts]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                <DiffSide parts={parts} hide="added" />
              </td>
              <td>
                <DiffSide parts={parts} hide="removed" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canRestore && revision.version !== article.version && (
        <RestoreForm article={article} revision={revision} csrf={props.csrf} />
      )}
    </AdminLayout>
  )
}

function DiffSide({ parts, hide }: { parts: DiffPart[]; hide: DiffPart['kind'] }) {
  return (
    <div class="diff-text">
      {parts
        .filter((p) => p.kind !== hide)
        .map((p, i) =>
          p.kind === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === 'removed' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <ins key={i}>{p.text}</ins>
          ),
        )}
    </div>
  )
}
