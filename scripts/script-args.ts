/**
 * Command-line options for the scripts behind `npm run bench`, `soak` and `cluster` and the WXR
 * tools: `--help` prints the script's usage, and an unknown option or a missing value is one
 * line on stderr and exit code 2, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

type WithHelp = ParseArgsConfig & { options: { help: { type: 'boolean' } } }

export function scriptArgs<T extends WithHelp>(
  name: string,
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>
  try {
    parsed = parseArgs(config)
  } catch (error) {
    // Node's message for an unknown option goes on to explain positionals: keep its first sentence.
    const message = (error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0]
    console.error(`${name}: ${message} (see --help)`)
    process.exit(2)
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage)
    process.exit(0)
  }
  return parsed
}
