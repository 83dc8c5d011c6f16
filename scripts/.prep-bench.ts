import { sqliteArchive, postgresArchive } from '/work/main/scripts/bench-servers.js'
console.log(sqliteArchive(100000))
console.log(await postgresArchive('postgres://postgres@127.0.0.1:5432/postgres', 100000))
