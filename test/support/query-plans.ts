/**
 * Ask the database for the plan of each captured select and list what would not hold at a
 * million stories: a full scan of one of `tables` (by name or by alias), and with `sortedPages`
 * a page (a query with LIMIT) that SQLite sorts whole instead of reading in index order.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Dialect } from '../../src/db/database.js'

export async function planProblems(
  db: Kysely<any>,
  dialect: Dialect,
  queries: CompiledQuery[],
  options: { tables: string[]; sortedPages?: boolean },
): Promise<string[]> {
  const selects = queries.filter((q) => /^\s*select/i.test(q.sql))
  expect(selects.length).toBeGreaterThan(0)
  const problems: string[] = []
  // PostgreSQL picks a scan over an index on a tiny table: forbid scans to see what it can use.
  if (dialect === 'postgres') await sql`set enable_seqscan = off`.execute(db)
  for (const query of selects) {
    for (const line of await planLines(db, dialect, query)) {
      const table =
        dialect === 'sqlite' ? /^SCAN (\w+)$/.exec(line)?.[1] : /Seq Scan on (\w+)/.exec(line)?.[1]
      const scanned =
        table &&
        options.tables.find(
          (name) => name === table || query.sql.includes(`"${name}" as "${table}"`),
        )
      const sorted =
        options.sortedPages === true &&
        dialect === 'sqlite' &&
        /TEMP B-TREE FOR ORDER BY/.test(line) &&
        /\blimit\b/i.test(query.sql)
      if (scanned || sorted) problems.push(`${line} in: ${query.sql}`)
    }
  }
  if (dialect === 'postgres') await sql`set enable_seqscan = on`.execute(db)
  return problems
}

/** The lines of one query's plan, as the database words them (SQLite's `detail` column). */
export async function planLines(
  db: Kysely<any>,
  dialect: Dialect,
  query: CompiledQuery,
): Promise<string[]> {
  const plan = await db.executeQuery<Record<string, unknown>>({
    ...query,
    sql: `${dialect === 'sqlite' ? 'explain query plan' : 'explain'} ${query.sql}`,
  })
  return plan.rows.map((row) => String(dialect === 'sqlite' ? row.detail : row['QUERY PLAN']))
}
