type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }

/**
 * One area's texts in all three languages side by side, so a translator sees them together.
 * The compiler requires ru and en to have exactly the keys of kk.
 */
export function defineSection<T extends object>(section: { kk: T; ru: DeepStrings<T>; en: DeepStrings<T> }) {
  return section
}
