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
