/** Errors in the newsroom become pages, never JSON: sign-in redirects, 403s that say why. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { describeError } from '../http/error-handler.js'
import { AppError } from '../errors.js'
import { formToken, seeOther, sendPage } from './admin-context.js'
import { MessagePage } from './views/account.js'

const TITLES: Record<number, string> = {
  400: 'That did not work',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'That could not be done',
  429: 'Too many attempts',
}

export function statusOf(error: unknown): number {
  return describeError(error).status
}

export async function handleAdminError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  if (error instanceof AppError && error.code === 'UNAUTHENTICATED' && request.method === 'GET')
    return seeOther(reply, '/admin/login')
  const { status, body } = describeError(error)
  if (status >= 500) request.log.error({ err: error, reqId: request.id }, 'admin request failed')
  const page = h(MessagePage, {
    title: TITLES[status] ?? 'Something went wrong',
    message: body.errors[0]?.message ?? 'Something went wrong.',
    user: request.user,
    csrf: request.user ? formToken(request, reply) : '',
  })
  return sendPage(reply, page, status)
}
