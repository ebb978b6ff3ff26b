/** A group of fields ({applicant: {iin, …}}), as opposed to one field's value that happens to be an object (a Dayjs, a list). */
function isFieldGroup(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * Every field path in a form's changed values, nested ones included: {applicant: {iin}} →
 * [['applicant', 'iin']]. A date picker's Dayjs or a multiple select's list is one field's value.
 */
export function changedPaths(changed: object, prefix: string[] = []): string[][] {
  return Object.entries(changed).flatMap(([key, value]) =>
    isFieldGroup(value) ? changedPaths(value, [...prefix, key]) : [[...prefix, key]],
  )
}
