import type { z } from 'zod'
import type { FieldIssue } from './errors'

/**
 * Schemas state their own message keys (`{ error: 'validation.required' }`); issues without
 * one are given a generic key by their code, so every issue has a translatable message.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    if (issue.message.startsWith('validation.')) {
      return withParams({ path, messageKey: issue.message }, issue)
    }
    return withParams({ path, messageKey: genericKey(issue) }, issue)
  })
}

function genericKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalidType'
    case 'too_small':
      return issue.origin === 'string' ? 'validation.tooShort' : 'validation.tooSmall'
    case 'too_big':
      return issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig'
    case 'invalid_format':
      return 'validation.invalidFormat'
    case 'invalid_value':
      return 'validation.invalidOption'
    case 'unrecognized_keys':
      return 'validation.unknownField'
    default:
      return 'validation.invalid'
  }
}

function withParams(base: FieldIssue, issue: z.core.$ZodIssue): FieldIssue {
  if (issue.code === 'too_small') return { ...base, params: { min: Number(issue.minimum) } }
  if (issue.code === 'too_big') return { ...base, params: { max: Number(issue.maximum) } }
  if (issue.code === 'unrecognized_keys') return { ...base, params: { keys: issue.keys.join(', ') } }
  if (issue.code === 'custom' && issue.params)
    return { ...base, params: issue.params as Record<string, string | number> }
  return base
}
