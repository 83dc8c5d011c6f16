/**
 * `broadsheet <command>`: the command-line entry point. Each command parses its own flags and
 * answers `--help`; errors are one line naming the problem, with a non-zero exit.
 */
import { parseArgs } from 'node:util'
import { exitWithError, loadEnvFile } from '../startup.js'
import { AppError } from '../errors.js'
import { COMMANDS, type Command } from './commands.js'

const USAGE = `Usage: broadsheet <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.name.padEnd(14)} ${c.summary}`)
  .join('\n')}

Run "broadsheet <command> --help" for a command's options.
Configuration comes from the environment (and .env): PORT, HOST, DATA_DIR, DATABASE_URL,
DATABASE_READ_URL, PUBLIC_URL, REDIS_URL, DEMO_CONTENT, LOG_LEVEL, TRUST_PROXY, THEME_DIR,
SMTP_URL, MAIL_FROM, PAGE_CACHE, CACHE_MAX_BYTES, CDN_PURGE_URL, STATIC_MIRROR,
WIRE_ALLOW_PRIVATE, WEBHOOK_ALLOW_PRIVATE, MEDIA_STORE, S3_BUCKET, S3_REGION, S3_ENDPOINT,
S3_PREFIX, MEDIA_PUBLIC_URL (AWS credentials from the usual AWS_* variables).
See README.md.`

export async function runCli(argv: string[]): Promise<void> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE)
    return
  }
  const command: Command | undefined = COMMANDS[name]
  if (!command)
    throw new AppError('VALIDATION_FAILED', `unknown command "${name}" (run "broadsheet --help")`)
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: (command.positionals ?? 0) > 0,
    })
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `${name}: ${(error as Error).message}`)
  }
  if (parsed.values.help) {
    console.log(command.help)
    return
  }
  if (parsed.positionals.length > (command.positionals ?? 0))
    throw new AppError(
      'VALIDATION_FAILED',
      `${name}: unexpected argument "${parsed.positionals[command.positionals ?? 0]}" (run "broadsheet ${name} --help")`,
    )
  loadEnvFile()
  await command.run(parsed.values, parsed.positionals)
}

try {
  await runCli(process.argv.slice(2))
} catch (error) {
  exitWithError(error)
}
