import { defineSection } from '../section'

/**
 * Report texts. The sector-by-year table follows the official reference table word for word
 * (tests/fixtures/reference/report-meetings-table.json): title, headers, total row, note.
 */
export const reports = defineSection({
  kk: {
    reports: {
      kind: {
        'sector-by-year': 'Салалар бойынша жылдар кестесі',
        quarterly: 'Өтініштер туралы тоқсандық есеп',
        register: 'Өтініштерді тіркеу журналы',
        'press-summary': 'Есептік кездесулер бойынша баспасөз анықтамасы',
      },
      sectorByYear: {
        titleMeetingsRange: 'Әкімнің халықпен {{from}}-{{to}} жылдардағы есептік кездесулері туралы ақпарат',
        titleMeetingsYear: 'Әкімнің халықпен {{year}} жылғы есептік кездесулері туралы ақпарат',
        titleAllRange: '{{from}}-{{to}} жылдардағы өтініштер туралы ақпарат (салалар бойынша)',
        titleAllYear: '{{year}} жылғы өтініштер туралы ақпарат (салалар бойынша)',
        colNo: 'р/с',
        colSector: 'Өтініш, сұрақ, ескерту саласы',
        colYear: '{{year}} ЖЫЛ',
        colPercent: '%',
        note: 'Ескертпе: кесте автормен құрастырылған',
        chartTitle: 'Салалар бойынша өтініштер, жылдар бойынша',
        sentence: 'Салалар бойынша бөлетін болсақ, {{first}}% {{firstName}}, {{second}}% {{secondName}}, қалған салалар шамамен {{rest}}% дейін құрап отыр.',
      },
      total: 'Барлығы',
      source: { meetings: 'Дереккөзі: есептік кездесулердегі сұрақтар', all: 'Дереккөзі: барлық өтініштер' },
      locality: 'Елді мекен: {{name}}',
      periodYears: '{{from}}-{{to}} жж.',
      periodYear: '{{year}} ж.',
      executedBy: 'Орындаған',
      date: 'Күні',
      page: '{{page}}-бет, барлығы {{pages}}',
    },
  },
  ru: {
    reports: {
      kind: {
        'sector-by-year': 'Таблица по сферам и годам',
        quarterly: 'Квартальный отчет об обращениях',
        register: 'Журнал регистрации обращений',
        'press-summary': 'Справка для пресс-службы по отчетным встречам',
      },
      sectorByYear: {
        titleMeetingsRange: 'Информация об отчетных встречах акима с населением за {{from}}-{{to}} годы',
        titleMeetingsYear: 'Информация об отчетных встречах акима с населением за {{year}} год',
        titleAllRange: 'Информация об обращениях за {{from}}-{{to}} годы (по сферам)',
        titleAllYear: 'Информация об обращениях за {{year}} год (по сферам)',
        colNo: '№ п/п',
        colSector: 'Сфера обращений, вопросов, замечаний',
        colYear: '{{year}} год',
        colPercent: '%',
        note: 'Примечание: таблица составлена автором',
        chartTitle: 'Обращения по сферам, по годам',
        sentence: 'В разрезе сфер: {{firstName}} — {{first}}%, {{secondName}} — {{second}}%, остальные сферы — примерно {{rest}}%.',
      },
      total: 'Итого',
      source: { meetings: 'Источник: вопросы на отчетных встречах', all: 'Источник: все обращения' },
      locality: 'Населенный пункт: {{name}}',
      periodYears: '{{from}}-{{to}} гг.',
      periodYear: '{{year}} г.',
      executedBy: 'Исполнитель',
      date: 'Дата',
      page: 'Стр. {{page}} из {{pages}}',
    },
  },
  en: {
    reports: {
      kind: {
        'sector-by-year': 'Sectors by year',
        quarterly: 'Quarterly report on appeals',
        register: 'Register of appeals',
        'press-summary': 'Press summary of report meetings',
      },
      sectorByYear: {
        titleMeetingsRange: "The akim's report meetings with the population, {{from}}-{{to}}",
        titleMeetingsYear: "The akim's report meetings with the population, {{year}}",
        titleAllRange: 'Appeals by sector, {{from}}-{{to}}',
        titleAllYear: 'Appeals by sector, {{year}}',
        colNo: 'No.',
        colSector: 'Sector of appeals, questions and remarks',
        colYear: '{{year}}',
        colPercent: '%',
        note: 'Note: table compiled by the author',
        chartTitle: 'Appeals by sector and year',
        sentence: 'By sector, {{firstName}} make up {{first}}%, {{secondName}} {{second}}%, and the other sectors about {{rest}}% each.',
      },
      total: 'Total',
      source: { meetings: 'Source: questions raised at report meetings', all: 'Source: all appeals' },
      locality: 'Locality: {{name}}',
      periodYears: '{{from}}-{{to}}',
      periodYear: '{{year}}',
      executedBy: 'Prepared by',
      date: 'Date',
      page: 'Page {{page}} of {{pages}}',
    },
  },
})
