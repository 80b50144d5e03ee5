import { describe, expect, it } from 'vitest'
import { AdminApiError, isAdminApiError } from './errors.ts'
import { errorFromGraphQLErrors, errorFromHttpResponse } from './response-errors.ts'

const authgearError = (status: number, name: string, reason: string, message: string, info?: unknown) =>
  JSON.stringify({ error: { name, reason, message, code: status, ...(info === undefined ? {} : { info }) } })

describe('errorFromHttpResponse', () => {
  it.each([
    ['upload', 400, authgearError(400, 'Invalid', 'ExpiredSignature', 'expired signature'), 'upload-url-expired', true],
    ['upload', 409, authgearError(409, 'AlreadyExists', 'DuplicatedImage', 'duplicated image'), 'duplicated-image', true],
    ['upload', 400, authgearError(400, 'BadRequest', 'BadRequest', 'asset too large'), 'asset-too-large', false],
    ['upload', 400, authgearError(400, 'Invalid', 'InvalidSignature', 'invalid signature'), 'invalid-upload', false],
    ['upload', 400, authgearError(400, 'Invalid', 'InvalidSignatureQueryParam', 'invalid'), 'invalid-upload', false],
    ['upload', 400, authgearError(400, 'Invalid', 'Invalid', 'expected exactly 1 file part'), 'invalid-upload', false],
    ['upload', 413, '<html>413 Request Entity Too Large</html>', 'asset-too-large', false],
    ['upload-url', 403, 'Forbidden', 'forbidden', false],
    ['graphql', 403, 'Forbidden', 'forbidden', false],
    ['graphql', 401, authgearError(401, 'Unauthorized', 'ProxyUnauthorized', 'no session'), 'unauthorized', false],
    ['upload-url', 401, '<html>login</html>', 'unauthorized', false],
    ['graphql', 403, authgearError(403, 'Forbidden', 'ProxyOperationNotAllowed', 'nope'), 'forbidden', false],
    ['upload', 502, authgearError(502, 'BadGateway', 'ProxyUpstreamUnavailable', 'down'), 'network', true],
    ['upload', 413, authgearError(413, 'RequestEntityTooLarge', 'ProxyBodyTooLarge', 'big'), 'asset-too-large', false],
    ['graphql', 413, authgearError(413, 'RequestEntityTooLarge', 'ProxyBodyTooLarge', 'big'), 'unexpected-response', false],
    ['graphql', 503, 'Service Unavailable', 'unexpected-response', true],
    ['graphql', 500, '{"weird":true}', 'unexpected-response', false],
    ['upload-url', 404, 'not found', 'unexpected-response', false],
  ] as const)('%s answering %i %s is %s', (route, status, body, code, retryable) => {
    const error = errorFromHttpResponse(route, status, body)
    expect(error).toBeInstanceOf(AdminApiError)
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expect(error.retryable).toBe(retryable)
  })

  it("keeps Authgear's name, reason and info", () => {
    const info = { causes: [{ kind: 'format' }] }
    const error = errorFromHttpResponse('upload', 400, authgearError(400, 'Invalid', 'ExpiredSignature', 'expired', info))
    expect(error).toMatchObject({ errorName: 'Invalid', reason: 'ExpiredSignature', info, message: 'upload: expired' })
  })
})

describe('errorFromGraphQLErrors', () => {
  const graphQLError = (errorName: string, reason: string, info?: unknown) => ({
    message: `${reason} happened`,
    path: ['updateUser'],
    extensions: { errorName, reason, info },
  })

  it.each([
    [graphQLError('Invalid', 'ValidationFailed', { causes: [] }), 'validation-failed'],
    [graphQLError('Invalid', 'UserIsAnonymized'), 'user-anonymized'],
    [graphQLError('NotFound', 'UserNotFound'), 'user-not-found'],
    [graphQLError('NotFound', 'SomethingNotFound'), 'user-not-found'],
    [graphQLError('Forbidden', 'Forbidden'), 'forbidden'],
    [graphQLError('InternalError', 'UnexpectedError'), 'graphql'],
    [{ message: 'Cannot query field "x" on type "User".' }, 'graphql'],
  ] as const)('maps %j to %s', (error, code) => {
    const mapped = errorFromGraphQLErrors([error])
    expect(mapped.code).toBe(code)
    expect(mapped.status).toBe(200)
    expect(isAdminApiError(mapped, code)).toBe(true)
  })

  it('keeps the extensions of the first error', () => {
    const info = { causes: [{ location: '/picture', kind: 'format' }] }
    const error = errorFromGraphQLErrors([graphQLError('Invalid', 'ValidationFailed', info)])
    expect(error).toMatchObject({ errorName: 'Invalid', reason: 'ValidationFailed', info, retryable: false })
  })
})

describe('isAdminApiError', () => {
  it('narrows by code only when codes are given', () => {
    const error = new AdminApiError('network', 'offline')
    expect(isAdminApiError(error)).toBe(true)
    expect(isAdminApiError(error, 'network', 'aborted')).toBe(true)
    expect(isAdminApiError(error, 'forbidden')).toBe(false)
    expect(isAdminApiError(new Error('x'))).toBe(false)
  })
})
