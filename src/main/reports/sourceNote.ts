import type { OfficeIdentity } from '@shared/api/contract'
import { translate, type Language } from '@shared/i18n'

/**
 * The source line under the sector-by-year table: the office's own from Settings (kk, ru), else
 * one built from the office's name, "Дереккөз: Абай ауданының әкімдігінің есептік кездесулер
 * журналы" / "Источник: журнал отчетных встреч акимата Абайского района". A name that does not
 * end (kk) or start (ru) with the office word is not declined: it is put in brackets instead.
 */
export function sourceNote(office: OfficeIdentity, lang: Language): string {
  const own = lang === 'kk' ? office.sourceNoteKk : lang === 'ru' ? office.sourceNoteRu : ''
  if (own) return own
  const name = (lang === 'ru' ? office.nameRu : office.nameKk) || office.nameKk || office.nameRu
  if (!name) return translate(lang, 'reports.sourceNote.unnamed')
  const genitive = officeGenitive(name, lang)
  return genitive
    ? translate(lang, 'reports.sourceNote.of', { office: genitive })
    : translate(lang, 'reports.sourceNote.named', { office: name })
}

/** "Абай ауданының әкімдігі" → "Абай ауданының әкімдігінің"; "Акимат Абайского района" → "акимата Абайского района". */
function officeGenitive(name: string, lang: Language): string | null {
  if (lang === 'kk') return /әкімдігі$/u.test(name) ? `${name}нің` : null
  if (lang === 'ru') return /^акимат\s/iu.test(name) ? `акимата${name.slice('акимат'.length)}` : null
  return name
}
