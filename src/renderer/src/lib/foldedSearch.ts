import type { DefaultOptionType } from 'antd/es/select'
import { foldForSearch } from '@shared/domain/search'

/**
 * Select search that finds "Тұрғын үй" from "тургын" or "ТҰРҒЫН": the same folding as the
 * server's full-text search, so a keyboard without Kazakh letters works everywhere.
 */
export const FOLDED_SEARCH = {
  filterOption: (input: string, option?: DefaultOptionType) =>
    foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input.trim())),
}
