import type { User } from '../../auth/index.js'
import { REPORT_TYPES, type ImportReport } from '../../importers/index.js'
import { AdminLayout, Csrf, ErrorBox } from './layout.js'

/** Settings → Import: upload a WordPress or Ghost export, then read what came across. */
export function ImportPage(props: {
  user: User
  csrf: string
  error?: string | undefined
  report?: ImportReport | undefined
}) {
  const { report } = props
  return (
    <AdminLayout title="Import" user={props.user} csrf={props.csrf}>
      <h1>Import</h1>
      <p>
        Bring a WordPress export (Tools → Export, an <code>.xml</code> file) or a Ghost export
        (Settings → Labs → Export, a <code>.json</code> file) across. Importing the same file again
        adds nothing. Pictures stay at their old address here: to bring them across, use{' '}
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
          <input id="import-file" type="file" name="file" accept=".xml,.json" required />
        </p>
        <p>
          <label>
            <input type="checkbox" name="dryRun" value="1" /> Dry run: count what would come across,
            write nothing
          </label>
        </p>
        <button type="submit">Import</button>
      </form>
      {report && (
        <section id="import-report" aria-labelledby="import-report-title">
          <h2 id="import-report-title">
            {report.dryRun ? 'Dry run: nothing was written' : 'Imported'} in{' '}
            {(report.elapsedMs / 1000).toFixed(1)} s
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Imported</th>
                <th scope="col">Updated</th>
                <th scope="col">Skipped</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {REPORT_TYPES.filter((type) => {
                const c = report.counts[type]
                return c.imported + (c.updated ?? 0) + c.skipped + c.failed > 0
              }).map((type) => (
                <tr data-type={type}>
                  <th scope="row">{type}</th>
                  <td data-imported>{report.counts[type].imported}</td>
                  <td data-updated>{report.counts[type].updated ?? 0}</td>
                  <td data-skipped>{report.counts[type].skipped}</td>
                  <td data-failed>{report.counts[type].failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {Object.keys(report.ignored).length > 0 && (
            <p>
              Not imported:{' '}
              {Object.entries(report.ignored)
                .map(([what, n]) => `${n} ${what}`)
                .join(', ')}
            </p>
          )}
          {report.warnings.length > 0 && (
            <>
              <h3>Warnings ({report.warnings.length})</h3>
              <ul class="warnings">
                {report.warnings.map((w) => (
                  <li>
                    {w.item ? <strong>{w.item}: </strong> : null}
                    {w.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </AdminLayout>
  )
}
