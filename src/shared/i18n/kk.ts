/**
 * Kazakh: the default language and the source catalog. ru.ts and en.ts must have exactly the
 * same keys (the compiler checks it through `Messages`, a test checks no value is empty).
 * Values use i18next interpolation: {{max}}.
 */
export const kk = {
  app: {
    title: 'Akimat Desk',
    subtitle: 'Әкімдіктің өтініштер мен есептік кездесулер журналы',
    loading: 'Жүктелуде…',
    noToken:
      'Бұл бетті ашу үшін «npm run web» басып шығарған толық сілтемені пайдаланыңыз (онда қатынау кілті бар).',
  },
  language: { label: 'Тіл', kk: 'Қазақша', ru: 'Русский', en: 'English' },
  nav: {
    dashboard: 'Басты бет',
    appeals: 'Өтініштер',
    meetings: 'Есептік кездесулер',
    reports: 'Есептер',
    settings: 'Баптаулар',
  },
  coming: {
    title: 'Бұл бөлім әзірленуде',
    dashboard: 'Мұнда биылғы өтініштер салалар бойынша, мерзімі өткен және осы аптада мерзімі бітетін өтініштер көрсетіледі.',
    appeals: 'Мұнда өтініштерді тіркеу, жеке қабылдау, іздеу және мерзімдерді бақылау болады.',
    meetings: 'Мұнда әкімнің халықпен есептік кездесулері мен онда көтерілген сұрақтар тіркеледі.',
    reports: 'Мұнда ресми кестелер бойынша Excel және PDF есептері жасалады.',
    ready: 'Қазір жұмыс істейді: «Баптаулар» бөліміндегі салалар анықтамалығы.',
  },
  settings: {
    title: 'Баптаулар',
    sectors: 'Салалар анықтамалығы',
    sectorsHint: 'Есептерде салалар осы ретпен шығады. Қолданыстағы сала жойылмайды, тек өшіріледі.',
    about: 'Бағдарлама туралы',
    databaseFile: 'Деректер файлы',
    schemaVersion: 'Дерекқор сызбасының нұсқасы',
    version: 'Нұсқа',
    door: 'Режим',
    doorDesktop: 'Жұмыс үстелі',
    doorWeb: 'Браузер (осы компьютер)',
  },
  sectors: {
    order: 'Р/с',
    code: 'Коды',
    nameKk: 'Атауы (қазақша)',
    nameRu: 'Атауы (орысша)',
    nameEn: 'Атауы (ағылшынша)',
    active: 'Белсенді',
    activeYes: 'Иә',
    activeNo: 'Өшірілген',
    add: 'Сала қосу',
    edit: 'Өңдеу',
    addTitle: 'Жаңа сала',
    editTitle: 'Саланы өңдеу',
    moveUp: 'Жоғары',
    moveDown: 'Төмен',
    actions: 'Әрекеттер',
    codeHint: 'Латын кіші әріптері, сандар және сызықша; кейін өзгертілмейді.',
    saved: 'Сақталды',
  },
  common: { save: 'Сақтау', cancel: 'Болдырмау', retry: 'Қайталау' },
  validation: {
    required: 'Толтыру міндетті',
    tooShort: 'Кемінде {{min}} таңба болуы керек',
    tooLong: 'Ең көбі {{max}} таңба',
    tooSmall: 'Кемінде {{min}} болуы керек',
    tooBig: 'Ең көбі {{max}} болуы керек',
    invalidType: 'Мәні дұрыс емес',
    invalidFormat: 'Пішімі дұрыс емес',
    invalidOption: 'Тізімнен таңдаңыз',
    unknownField: 'Белгісіз өріс: {{keys}}',
    invalid: 'Мәні дұрыс емес',
    sectorCode: 'Код латын кіші әрпінен басталып, тек латын әріптерінен, сандардан және сызықшадан тұруы керек (2–32 таңба)',
    sectorCodeTaken: 'Мұндай коды бар сала бұрыннан бар',
  },
  errors: {
    validation: 'Толтырылған деректерді тексеріңіз',
    not_found: 'Жазба табылмады (мүмкін, оны басқа біреу өзгерткен)',
    conflict: 'Мұндай жазба бұрыннан бар',
    unknown_method: 'Бағдарлама сұрауды танымады',
    unauthorized: 'Қатынау кілті жоқ немесе дұрыс емес. «npm run web» берген сілтемені ашыңыз.',
    internal: 'Күтпеген қате. Деректер өзгертілген жоқ. Әрекетті қайталап көріңіз.',
    network: 'Бағдарламаның ядросымен байланыс жоқ',
    sectorNotFound: 'Сала табылмады',
    dbTooNew:
      'Деректер файлын бағдарламаның жаңарақ нұсқасы жазған ({{file}}). Файл ашылмады және өзгертілмеді: Akimat Desk-ті жаңартыңыз.',
  },
}

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }
/** The shape every catalog must have: the keys of the Kazakh one, each a string. */
export type Messages = DeepStrings<typeof kk>
