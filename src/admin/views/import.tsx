import type { User } from '../../auth/index.js'
import type { ImportRun } from '../../provenance/index.js'
import { When } from './chrome.js'
import { AdminLayout, Csrf, ErrorBox } from './layout.js'
import { ImportState } from './import-status.js'

/** Settings → Import: upload a WordPress or Ghost export; the recent imports and their state. */
export function ImportPage(props: {
  user: User
  csrf: string
  error?: string | undefined
  imports: ImportRun[]
  maxBytes: number
}) {
  return (
    <AdminLayout title="Import" user={props.user} csrf={props.csrf}>
      <h1>Import</h1>
      <p>
        Bring a WordPress export (Tools → Export, an <code>.xml</code> file) or a Ghost export
        (Settings → Labs → Export, a <code>.json</code> file) across. The import runs in the
        background: you can leave its page and come back. Importing the same file again adds
        nothing. Pictures stay at their old address here: to bring them across, use{' '}
        <code>broadsheet import … --media-dir</code> or <code>--fetch-media</code> on the server.
      </p>
      <ErrorBox message={props.error} />
      <form method="post" action="/admin/import" enctype="multipart/form-data">
        <Csrf token={props.csrf} />
        <fieldset>
          <legend>Export from</legend>
          <label>
            <input type="radio" name="source" value="wordpress" checked /> WordPress (WXR)
          </label>
          <label>
            <input type="radio" name="source" value="ghost" /> Ghost (JSON)
          </label>
        </fieldset>
        <p>
          <label for="import-file">Export file</label>
          <input
            id="import-file"
            type="file"
            name="file"
            accept=".xml,.json"
            required
            aria-describedby="import-file-hint"
          />
          <span id="import-file-hint" class="hint">
            Up to {formatBytes(props.maxBytes)}.
          </span>
        </p>
        <p>
          <label>
            <input type="checkbox" name="dryRun" value="1" /> Dry run: count what would come across,
            write nothing
          </label>
        </p>
        <button type="submit">Import</button>
      </form>
      {props.imports.length > 0 && (
        <section aria-labelledby="recent-imports-title">
          <h2 id="recent-imports-title">Recent imports</h2>
          <div class="table-wrap">
            <table id="recent-imports">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">From</th>
                  <th scope="col">Started</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {props.imports.map((run) => (
                  <tr data-import={run.id}>
                    <th scope="row">
                      <a href={`/admin/import/${run.id}`}>{run.filename}</a>
                    </th>
                    <td>{run.source === 'ghost' ? 'Ghost' : 'WordPress'}</td>
                    <td>
                      <When date={run.createdAt} />
                    </td>
                    <td data-state={run.status}>
                      <ImportState run={run} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </AdminLayout>
  )
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${Math.ceil(bytes / 1024)} KB`
}
