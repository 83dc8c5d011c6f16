/**
 * @module compiled-once
 * Hot reads compiled once and reused. Kysely builds and compiles every query afresh (15–40 µs of
 * CPU each, several per page render); a read whose shape never changes can keep its SQL and
 * only swap in new values. A list argument compiles once per length (`in (?, ?, ?)`).
 *
 * @example
 * const findTitle = compiledOnce((db: Kysely<Database>, id: number) =>
 *   db.selectFrom('articles').select('title').where('id', '=', id),
 * )
 * const rows = await findTitle(db, 42) // same SQL every call: `select "title" … where "id" = ?`
 */
import { createQueryId, type CompiledQuery, type Kysely } from 'kysely'

/** A value the query is compiled with, standing for an argument (or one item of a list). */
class Slot {
  constructor(
    readonly argument: number,
    readonly item: number | null,
  ) {}
}

interface Compiled {
  query: CompiledQuery
  /** Per parameter: where its value comes from, or the constant the query was built with. */
  sources: (Slot | { constant: unknown })[]
}

const MAX_SHAPES = 64

type Argument = string | number | boolean | null | readonly (string | number)[]

/**
 * Wrap a query builder so its SQL is compiled once per database handle (and list lengths) and
 * reused with the call's values. `build` must use its arguments only as values, never to decide
 * the query's shape; a list argument may only be used whole (`where('id', 'in', ids)`).
 */
export function compiledOnce<DB, Args extends Argument[], Row>(
  build: (db: Kysely<DB>, ...args: Args) => { compile(): CompiledQuery<Row> },
): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const byDatabase = new WeakMap<Kysely<DB>, Map<string, Compiled>>()
  return async (db, ...args) => {
    const shape = args.map((a) => (Array.isArray(a) ? a.length : '.')).join(',')
    let shapes = byDatabase.get(db)
    if (!shapes) byDatabase.set(db, (shapes = new Map<string, Compiled>()))
    let compiled = shapes.get(shape)
    if (!compiled) {
      // Lists of many lengths would keep many copies of the SQL: start over past a bound.
      if (shapes.size >= MAX_SHAPES) shapes.clear()
      shapes.set(shape, (compiled = compile(build, db, args)))
    }
    const parameters = compiled.sources.map((source) => {
      if (!(source instanceof Slot)) return source.constant
      const value = args[source.argument]
      return source.item === null ? value : (value as readonly unknown[])[source.item]
    })
    const query: CompiledQuery<Row> = { ...compiled.query, parameters, queryId: createQueryId() }
    const result = await db.executeQuery(query)
    return result.rows
  }
}

function compile<DB, Args extends Argument[], Row>(
  build: (db: Kysely<DB>, ...args: Args) => { compile(): CompiledQuery<Row> },
  db: Kysely<DB>,
  args: Args,
): Compiled {
  const slots = args.map((value, argument) =>
    Array.isArray(value)
      ? value.map((_, item) => new Slot(argument, item))
      : new Slot(argument, null),
  )
  const query = build(db, ...(slots as unknown as Args)).compile()
  const sources = query.parameters.map((parameter) =>
    parameter instanceof Slot ? parameter : { constant: parameter },
  )
  return { query, sources }
}

/** Rows per statement of `compiledInsert`: few shapes, each prepared once, well under every bind limit. */
const INSERT_CHUNK_PARAMETERS = 2_000

type InsertRow = Record<string, string | number | null | undefined>

/**
 * A multi-row insert whose SQL is compiled once per column set and chunk length (per dialect)
 * and reused: an import's tens of thousands of rows go in chunks of the same few statements,
 * instead of Kysely building a node per value and the database preparing a new statement per
 * batch. `build` receives the chunk's rows (placeholders) and adds what follows `values`
 * (`returning`, `onConflict`). Rows in a run with the same columns share a statement.
 * Returns the rows `returning` gives, chunk after chunk.
 *
 * @example
 * const insertTags = compiledInsert((db: Kysely<Database>, rows: NewTagRow[]) =>
 *   db.insertInto('tags').values(rows).returning('id'),
 * )
 * await insertTags(db, rows) // insert into "tags" ("name", "slug") values (?, ?), (?, ?) … returning "id"
 */
export function compiledInsert<DB, R extends InsertRow, Row>(
  build: (db: Kysely<DB>, rows: R[]) => { compile(): CompiledQuery<Row> },
): (db: Kysely<DB>, rows: readonly R[]) => Promise<Row[]> {
  // Keyed by the dialect's adapter, which a transaction shares with the handle it came from.
  const byAdapter = new WeakMap<object, Map<string, Compiled>>()
  return async (db, rows) => {
    const out: Row[] = []
    const adapter = db.getExecutor().adapter
    let shapes = byAdapter.get(adapter)
    if (!shapes) byAdapter.set(adapter, (shapes = new Map<string, Compiled>()))
    // Runs of rows with the same columns (an undefined value is no column, as for Kysely).
    let start = 0
    while (start < rows.length) {
      const columns = definedColumns(rows[start]!)
      const key = columns.join('\n')
      const perChunk = Math.max(
        1,
        Math.floor(INSERT_CHUNK_PARAMETERS / Math.max(1, columns.length)),
      )
      let end = start + 1
      while (
        end < rows.length &&
        end - start < perChunk &&
        definedColumns(rows[end]!).join('\n') === key
      )
        end++
      // A short run goes in the largest power of two that fits, the rest after it: a few
      // statement shapes per column set, however the batches fall (each prepared statement of
      // a long insert holds memory in the database's statement cache).
      if (end - start < perChunk) end = start + 2 ** Math.floor(Math.log2(end - start))
      const chunk = rows.slice(start, end)
      start = end
      const shape = `${chunk.length}\n${key}`
      let compiled = shapes.get(shape)
      if (!compiled) {
        if (shapes.size >= MAX_SHAPES) shapes.clear()
        shapes.set(shape, (compiled = compileInsert(build, db, columns, chunk.length)))
      }
      const parameters = compiled.sources.map((source) =>
        source instanceof Slot ? chunk[source.item!]![columns[source.argument]!] : source.constant,
      )
      const query: CompiledQuery<Row> = { ...compiled.query, parameters, queryId: createQueryId() }
      const result = await db.executeQuery(query)
      for (const row of result.rows) out.push(row)
    }
    return out
  }
}

function definedColumns(row: InsertRow): string[] {
  const columns: string[] = []
  for (const column in row) if (row[column] !== undefined) columns.push(column)
  return columns
}

function compileInsert<DB, R extends InsertRow, Row>(
  build: (db: Kysely<DB>, rows: R[]) => { compile(): CompiledQuery<Row> },
  db: Kysely<DB>,
  columns: string[],
  count: number,
): Compiled {
  const rows = Array.from({ length: count }, (_, item) =>
    Object.fromEntries(columns.map((column, argument) => [column, new Slot(argument, item)])),
  )
  const query = build(db, rows as unknown as R[]).compile()
  const sources = query.parameters.map((parameter) =>
    parameter instanceof Slot ? parameter : { constant: parameter },
  )
  return { query, sources }
}
