import { defineSection } from '../section'

/** The appeal list printed or exported as it is filtered (appeals.exportList), and its buttons. */
export const appealListExport = defineSection({
  kk: {
    appealList: {
      title: {
        all: 'Өтініштер',
        overdue: 'Мерзімі өткен өтініштер',
        dueThisWeek: 'Мерзімі осы аптада бітетін өтініштер',
        annulled: 'Жойылған жазбалар',
      },
      search: 'іздеу: «{{query}}»',
      period: {
        both: '{{from}}–{{to}}',
        from: '{{from}} бастап',
        to: '{{to}} дейін',
      },
      withAnnulled: 'жойылғандармен бірге',
      meeting: 'есептік кездесу № {{id}}',
      origin: 'басқа кеңседен әкелінгендер',
      count: 'Барлығы: {{count}}',
      tooLong: 'Тізім файлға тым ұзын.',
      tooMany: 'Сүзгі бойынша {{count}} өтініш табылды, ал файлға ең көбі {{limit}} өтініш сыяды. Сүзгіні тарылтыңыз.',
      excel: 'Excel',
      pdf: 'PDF',
      exportHint: 'Тізімді таңдалған бағандармен файлға сақтау',
    },
  },
  ru: {
    appealList: {
      title: {
        all: 'Обращения',
        overdue: 'Просроченные обращения',
        dueThisWeek: 'Обращения со сроком на этой неделе',
        annulled: 'Аннулированные записи',
      },
      search: 'поиск: «{{query}}»',
      period: {
        both: '{{from}}–{{to}}',
        from: 'с {{from}}',
        to: 'по {{to}}',
      },
      withAnnulled: 'вместе с аннулированными',
      meeting: 'отчетная встреча № {{id}}',
      origin: 'поступившие из другого акимата',
      count: 'Всего: {{count}}',
      tooLong: 'Список слишком длинный для файла.',
      tooMany: 'По фильтру найдено обращений: {{count}}; файл вмещает не более {{limit}}. Сузьте фильтр.',
      excel: 'Excel',
      pdf: 'PDF',
      exportHint: 'Сохранить список с выбранными столбцами в файл',
    },
  },
  en: {
    appealList: {
      title: {
        all: 'Appeals',
        overdue: 'Overdue appeals',
        dueThisWeek: 'Appeals due this week',
        annulled: 'Annulled entries',
      },
      search: 'search: “{{query}}”',
      period: {
        both: '{{from}}–{{to}}',
        from: 'from {{from}}',
        to: 'until {{to}}',
      },
      withAnnulled: 'annulled included',
      meeting: 'report meeting No. {{id}}',
      origin: 'brought from another office',
      count: 'Total: {{count}}',
      tooLong: 'The list is too long for a file.',
      tooMany: 'The filter finds {{count}} appeals; a file holds at most {{limit}}. Narrow the filter.',
      excel: 'Excel',
      pdf: 'PDF',
      exportHint: 'Save the list with the chosen columns to a file',
    },
  },
})
