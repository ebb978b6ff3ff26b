/**
 * The sector catalog as first installed, in the row order of the official report-meeting
 * table (tests/fixtures/reference/report-meetings-table.json), plus "other" last so that no
 * appeal goes untagged. After installation the catalog is the office's data, edited in
 * Settings. Frozen with migration 0001, which installs it (the benchmark's spreadsheets name
 * these sectors too, as a new office has them).
 */
export const INITIAL_SECTORS = [
  { code: 'social', nameKk: 'Әлеуметтік сала', nameRu: 'Социальная сфера', nameEn: 'Social sphere' },
  {
    code: 'housing',
    nameKk: 'Тұрғын үй-коммуналдық шаруашылығы',
    nameRu: 'Жилищно-коммунальное хозяйство',
    nameEn: 'Housing and utilities',
  },
  {
    code: 'industry',
    nameKk: 'Өнеркәсіп және кәсіпкерлік',
    nameRu: 'Промышленность и предпринимательство',
    nameEn: 'Industry and entrepreneurship',
  },
  { code: 'emergencies', nameKk: 'Төтенше жағдайлар', nameRu: 'Чрезвычайные ситуации', nameEn: 'Emergencies' },
  { code: 'land', nameKk: 'Жер қатынастары', nameRu: 'Земельные отношения', nameEn: 'Land relations' },
  {
    code: 'agriculture',
    nameKk: 'Ауыл шаруашылығы және ветеринария',
    nameRu: 'Сельское хозяйство и ветеринария',
    nameEn: 'Agriculture and veterinary',
  },
  {
    code: 'police',
    nameKk: 'Полиция қызметі, құқық қорғау',
    nameRu: 'Деятельность полиции, правоохранение',
    nameEn: 'Police and law enforcement',
  },
  { code: 'other', nameKk: 'Басқа салалар', nameRu: 'Другие сферы', nameEn: 'Other sectors' },
] as const
