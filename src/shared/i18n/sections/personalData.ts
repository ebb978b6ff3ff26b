import { defineSection } from '../section'

/**
 * Personal data (law 94-V): the refusals a role without the right meets, the card's "show"
 * and what its history says of a reveal. Keys live under `personalData.`.
 */
export const personalData = defineSection({
  kk: {
    personalData: {
      errors: { forbidden: 'Сіздің рөліңізге дербес деректерді толық көруге рұқсат жоқ' },
      search: { idNumber: 'ЖСН / БСН бойынша іздеу тек дербес деректерді көруге рұқсаты бар рөлдерге ашық' },
      ui: {
        show: 'Көрсету',
        showHint: 'ЖСН / БСН, телефон мен мекенжайды толық көрсету (өзгерістер тарихына жазылады)',
        masked: 'Дербес деректер жасырылған',
      },
      history: { revealed: 'Толық көрсетілді: {{fields}}' },
    },
  },
  ru: {
    personalData: {
      errors: { forbidden: 'Вашей роли не разрешено видеть персональные данные полностью' },
      search: { idNumber: 'Поиск по ИИН / БИН доступен только ролям с правом видеть персональные данные' },
      ui: {
        show: 'Показать',
        showHint: 'Показать ИИН / БИН, телефон и адрес полностью (записывается в историю изменений)',
        masked: 'Персональные данные скрыты',
      },
      history: { revealed: 'Показано полностью: {{fields}}' },
    },
  },
  en: {
    personalData: {
      errors: { forbidden: 'Your role may not see personal data in full' },
      search: { idNumber: 'Searching by IIN / BIN is only for roles allowed to see personal data' },
      ui: {
        show: 'Show',
        showHint: 'Show the IIN / BIN, phone and address in full (recorded in the history)',
        masked: 'Personal data masked',
      },
      history: { revealed: 'Shown in full: {{fields}}' },
    },
  },
})
