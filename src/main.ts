/**
 * Process entry: `node dist/main.js` (what `npm start` runs) starts the server from the
 * environment. The work itself lives in `startup.ts`, shared with the `broadsheet` commands.
 */
import { parseConfig } from './config.js'
import { exitWithError, loadEnvFile, startServer } from './startup.js'

try {
  loadEnvFile()
  await startServer(parseConfig(process.env))
} catch (error) {
  exitWithError(error)
}
