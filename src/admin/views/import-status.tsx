import type { User } from '../../auth/index.js'
import { REPORT_TYPES, type ImportReport } from '../../importers/index.js'
import type { ImportRun } from '../../provenance/index.js'
import { Count } from './chrome.js'
import { AdminLayout } from './layout.js'

const PHASES: Record<string, string> = {
  scan: 'Reading the export',
  header: 'Bringing authors, sections, tags and pictures across',
  stories: 'Writing stories and their comments',
}

/** One import's page: a progress bar while it runs, then the report (or why it stopped). */
export function ImportStatusPage(props: { user: User; csrf: string; run: ImportRun }) {
  const { run } = props
  const isOver = run.status === 'done' || run.status === 'failed'
  const report = run.status === 'done' ? (run.report as ImportReport | null) : null
  return (
    <AdminLayout
      title={`Import of ${run.filename}`}
      user={props.user}
      csrf={props.csrf}
      current="/admin/import"
      head={
        isOver ? undefined : (
          <noscript>
            <meta http-equiv="refresh" content="3" />
          </noscript>
        )
      }
    >
      <p>
        <a href="/admin/import">← Import</a>
      </p>
      <h1>Import of {run.filename}</h1>
      <div
        id="import-status"
        data-status-url={`/admin/import/${run.id}/status`}
        data-state={run.status}
      >
        {!isOver && <ImportProgress run={run} />}
        {run.status === 'failed' && (
          <p class="error" role="alert" id="import-error">
            {run.error ?? 'The import stopped.'}
          </p>
        )}
      </div>
      {report && <ReportView report={report} />}
      {!isOver && <script src="/admin/assets/import-progress.js" defer />}
    </AdminLayout>
  )
}

function ImportProgress({ run }: { run: ImportRun }) {
  const phase = phaseText(run)
  return (
    <>
      <p id="import-phase" role="status">
        {phase}
      </p>
      {run.total > 0 ? (
        <progress
          id="import-progress"
          max={run.total}
          value={run.done}
          aria-labelledby="import-phase"
        >
          {run.done} of {run.total}
        </progress>
      ) : (
        <progress id="import-progress" aria-labelledby="import-phase" />
      )}
      {run.error && <p class="hint">{run.error}</p>}
      <p>
        <a href={`/admin/import/${run.id}`}>Refresh</a>
      </p>
    </>
  )
}

/** What the import is doing, in words (the script writes the same from the status endpoint). */
export function phaseText(run: Pick<ImportRun, 'status' | 'phase' | 'done' | 'total'>): string {
  if (run.status === 'queued') return 'Waiting to start…'
  if (run.status === 'done') return 'Done.'
  if (run.status === 'failed') return 'Stopped.'
  const words = PHASES[run.phase ?? 'scan'] ?? 'Importing'
  return run.total > 0 ? `${words}: ${run.done} of ${run.total}` : `${words}…`
}

/** A short state for the list of recent imports. */
export function ImportState({ run }: { run: ImportRun }) {
  if (run.status === 'done') return <>{run.isDryRun ? 'Dry run done' : 'Done'}</>
  if (run.status === 'failed') return <>Failed</>
  if (run.status === 'queued') return <>{run.error ? 'Waiting to retry' : 'Waiting to start'}</>
  return <>Running{run.total > 0 && `: ${Math.floor((run.done / run.total) * 100)} %`}</>
}

/** The report, as the CLI prints it: counts per type, what was left out, every warning. */
function ReportView({ report }: { report: ImportReport }) {
  return (
    <section id="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">
        {report.dryRun ? 'Dry run: nothing was written' : 'Imported'} in{' '}
        {(report.elapsedMs / 1000).toFixed(1)} s
      </h2>
      <div class="table-wrap">
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
              return c.imported + c.updated + c.skipped + c.failed > 0
            }).map((type) => (
              <tr data-type={type}>
                <th scope="row">{type}</th>
                <td data-imported>
                  <Count value={report.counts[type].imported} />
                </td>
                <td data-updated>
                  <Count value={report.counts[type].updated} />
                </td>
                <td data-skipped>
                  <Count value={report.counts[type].skipped} />
                </td>
                <td data-failed>
                  <Count value={report.counts[type].failed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {Object.keys(report.ignored).length > 0 && (
        <p>
          Not imported:{' '}
          {Object.entries(report.ignored)
            .map(([what, n]) => `${n} ${what}`)
            .join(', ')}
        </p>
      )}
      {report.droppedShortcodes > 0 && (
        <p>Unknown shortcodes dropped (their text kept): {report.droppedShortcodes}</p>
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
  )
}
