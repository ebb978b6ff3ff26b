import { defineSection } from '../section'

/** Settings → Data safety: backups, restore and its undo, verifying the history. Keys under `dataSafetyUi.`. */
export const dataSafetyUi = defineSection({
  kk: {
    dataSafetyUi: {
      title: 'Деректер қауіпсіздігі',
      tabs: { data: 'Деректер қауіпсіздігі', import: 'Импорт', consolidation: 'Біріктіру' },
      sampleTitle: 'Үлгі деректер',
      welcome:
        'Akimat Desk-ке қош келдіңіз! Тіркелім әзірге бос. Өтініштерді тіркеуді бастаңыз немесе бағдарламамен танысу үшін үлгі ауданды жүктеңіз.',
      backups: 'Сақтық көшірмелер',
      folder: 'Автоматты көшірмелер бумасы',
      last: 'Соңғы көшірме',
      none: 'Әлі бірде-бір көшірме жоқ',
      stale: 'Бір аптадан бері сақтық көшірме жасалмады. Қазір көшірме жасаңыз (мысалы, флешкаға).',
      autoHint:
        'Бағдарлама әр күні алғаш іске қосылғанда және дерекқорды жаңартар алдында көшірме жасайды; 7 күндік, 4 апталық және 12 айлық көшірмелер сақталады.',
      targetFolder: 'Қайда сақтау (бос болса — автоматты көшірмелер бумасы)',
      choose: 'Таңдау…',
      backUpNow: 'Қазір көшірме жасау',
      backedUp: 'Көшірме сақталды: {{file}}',
      kind: {
        auto: 'Автоматты',
        manual: 'Қолмен',
        'pre-migration': 'Жаңарту алдында',
        'before-restore': 'Қалпына келтіру алдында',
      },
      colAt: 'Уақыты',
      colKind: 'Түрі',
      colSize: 'Өлшемі',
      restore: 'Қалпына келтіру',
      restoreFromFile: 'Файлдан қалпына келтіру',
      filePath: 'Көшірме файлының жолы',
      check: 'Тексеру',
      inspectTitle: 'Көшірмеде не бар',
      schemaVersion: 'Сызба нұсқасы',
      appeals: 'Өтініштер',
      meetings: 'Есептік кездесулер',
      staff: 'Қызметкерлер',
      period: 'Өтініштер кезеңі',
      lastChange: 'Соңғы өзгеріс',
      restoreWarning:
        'Қазіргі деректер осы көшірмемен ауыстырылады. Қазіргі дерекқор бөлек сақталады, қалпына келтіруді болдырмауға болады.',
      confirmRestore: 'Қалпына келтіру',
      restored: 'Қалпына келтірілді: {{appeals}} өтініш, {{meetings}} кездесу.',
      undo: 'Қалпына келтіруді болдырмау',
      undone: 'Қалпына келтіру болдырылмады: деректер бұрынғы күйінде.',
      history: 'Өзгерістер тарихы',
      historyHint:
        'Әр жазба алдыңғы жазбаның хэшін сақтайды және дерекқордан тыс сақталатын кілтпен қол қойылады: біреу файлды бағдарламадан тыс өзгертсе немесе соңғы жазбаларды өшірсе, тексеру оны көрсетеді.',
      verify: 'Тарихты тексеру',
      verifiedOk: 'Тарих бүтін: {{entries}} жазба тексерілді.',
      verifiedWithNotes: 'Тізбек бүтін: {{entries}} жазба тексерілді. Назар аударыңыз:',
      keyFolder: 'Кілт пен тізбек басы сақталатын қалта: {{folder}}',
      keyedFrom:
        'Кілтпен қол қойылған тарих №{{id}} жазбадан басталады ({{at}}); оған дейінгі жазбалар ({{legacy}}) бұрынғы тізбекпен тексеріледі.',
      keyedFromStart: 'Барлық жазбаға кілтпен қол қойылған.',
      head: {
        ok: 'Дерекқордан тыс сақталған тізбек басы оның соңғы жазбасына сәйкес (№{{lastId}}).',
        missing: 'Бұл дерекқордың тізбек басы сақталмаған: оның соңын тексеру мүмкін емес.',
        tailRemoved:
          'Соңғы жазбалар өшірілген: тізбек басы №{{headId}} дейді, дерекқор №{{lastId}} жазбамен аяқталады.',
        mismatch: 'Дерекқор тізбек басына (№{{headId}}) сәйкес емес: файл немесе тізбек басы ауыстырылған.',
        behind: 'Тізбек басы (№{{headId}}) дерекқордан (№{{lastId}}) ескі: ол ескі көшірмемен ауыстырылған.',
      },
      findingsTitle: 'Бұрынғы іске қосуларда табылып, тарихқа жазылғаны:',
      finding: {
        keyMissing: '{{at}}: кілт табылмады; №{{id}} жазбадан бастап жаңа кілт қол қояды.',
        keyChanged:
          '{{at}}: тарихқа басқа кілтпен қол қойылған; №{{id}} жазбадан бастап осы компьютердің кілті қол қояды.',
        headMissing: '{{at}}: тізбек басы табылмады (дерекқор №{{lastId}} жазбамен аяқталған).',
        tailRemoved:
          '{{at}}: соңғы жазбалар өшірілген: тізбек басы №{{headId}} деген, дерекқор №{{lastId}} жазбамен аяқталған.',
        headMismatch:
          '{{at}}: дерекқор тізбек басына (№{{headId}}) сәйкес келмеген: файл немесе тізбек басы ауыстырылған.',
        headBehind:
          '{{at}}: тізбек басы (№{{headId}}) дерекқордан (№{{lastId}}) ескі болған: ескі көшірмемен ауыстырылған.',
      },
      unverifiable:
        '№{{fromId}}–№{{toId}} жазбаларға осы компьютерде жоқ кілтпен қол қойылған: олардың мазмұнын тексеру мүмкін емес.',
      verifiedBroken: 'Тарих бұзылған: алғашқы бұзылған жазба №{{id}} ({{at}}, {{entity}} {{entityId}}).',
    },
  },
  ru: {
    dataSafetyUi: {
      title: 'Сохранность данных',
      tabs: { data: 'Сохранность данных', import: 'Импорт', consolidation: 'Объединение' },
      sampleTitle: 'Демонстрационные данные',
      welcome:
        'Добро пожаловать в Akimat Desk! Журнал пока пуст. Начните регистрировать обращения или загрузите демонстрационный район, чтобы познакомиться с программой.',
      backups: 'Резервные копии',
      folder: 'Папка автоматических копий',
      last: 'Последняя копия',
      none: 'Копий пока нет',
      stale: 'Резервная копия не делалась больше недели. Сделайте копию сейчас (например, на флешку).',
      autoHint:
        'Программа делает копию при первом запуске каждый день и перед обновлением базы; хранятся 7 ежедневных, 4 еженедельных и 12 ежемесячных копий.',
      targetFolder: 'Куда сохранить (пусто — папка автоматических копий)',
      choose: 'Выбрать…',
      backUpNow: 'Сделать копию сейчас',
      backedUp: 'Копия сохранена: {{file}}',
      kind: {
        auto: 'Автоматическая',
        manual: 'Вручную',
        'pre-migration': 'Перед обновлением',
        'before-restore': 'Перед восстановлением',
      },
      colAt: 'Время',
      colKind: 'Вид',
      colSize: 'Размер',
      restore: 'Восстановить',
      restoreFromFile: 'Восстановить из файла',
      filePath: 'Путь к файлу копии',
      check: 'Проверить',
      inspectTitle: 'Что в копии',
      schemaVersion: 'Версия схемы',
      appeals: 'Обращения',
      meetings: 'Отчетные встречи',
      staff: 'Сотрудники',
      period: 'Период обращений',
      lastChange: 'Последнее изменение',
      restoreWarning:
        'Текущие данные будут заменены этой копией. Текущая база сохраняется отдельно, восстановление можно отменить.',
      confirmRestore: 'Восстановить',
      restored: 'Восстановлено: обращений {{appeals}}, встреч {{meetings}}.',
      undo: 'Отменить восстановление',
      undone: 'Восстановление отменено: данные как были.',
      history: 'История изменений',
      historyHint:
        'Каждая запись хранит хэш предыдущей и подписана ключом, который хранится вне базы: если кто-то изменит файл в обход программы или удалит последние записи, проверка это покажет.',
      verify: 'Проверить историю',
      verifiedOk: 'История цела: проверено записей — {{entries}}.',
      verifiedWithNotes: 'Цепочка цела: проверено записей — {{entries}}. Обратите внимание:',
      keyFolder: 'Папка ключа и головы цепочки: {{folder}}',
      keyedFrom:
        'История с ключом начинается с записи №{{id}} ({{at}}); записи до неё ({{legacy}}) проверяются прежней цепочкой.',
      keyedFromStart: 'Все записи подписаны ключом.',
      head: {
        ok: 'Голова цепочки, хранимая вне базы, совпадает с её последней записью (№{{lastId}}).',
        missing: 'Голова цепочки этой базы не найдена: её конец проверить нельзя.',
        tailRemoved:
          'Последние записи удалены: голова цепочки указывает №{{headId}}, база заканчивается записью №{{lastId}}.',
        mismatch: 'База не совпадает с головой цепочки (№{{headId}}): файл или голова заменены.',
        behind: 'Голова цепочки (№{{headId}}) старше базы (№{{lastId}}): её заменили старой копией.',
      },
      findingsTitle: 'Обнаружено при прежних запусках и записано в историю:',
      finding: {
        keyMissing: '{{at}}: ключ не найден; с записи №{{id}} подписывает новый ключ.',
        keyChanged: '{{at}}: история была подписана другим ключом; с записи №{{id}} подписывает ключ этого компьютера.',
        headMissing: '{{at}}: голова цепочки не найдена (база заканчивалась записью №{{lastId}}).',
        tailRemoved:
          '{{at}}: последние записи удалены: голова указывала №{{headId}}, база заканчивалась записью №{{lastId}}.',
        headMismatch: '{{at}}: база не совпадала с головой цепочки (№{{headId}}): файл или голова заменены.',
        headBehind: '{{at}}: голова цепочки (№{{headId}}) была старше базы (№{{lastId}}): её заменили старой копией.',
      },
      unverifiable:
        'Записи №{{fromId}}–№{{toId}} подписаны ключом, которого нет на этом компьютере: их содержимое проверить нельзя.',
      verifiedBroken: 'История нарушена: первая нарушенная запись №{{id}} ({{at}}, {{entity}} {{entityId}}).',
    },
  },
  en: {
    dataSafetyUi: {
      title: 'Data safety',
      tabs: { data: 'Data safety', import: 'Import', consolidation: 'Consolidation' },
      sampleTitle: 'Sample data',
      welcome:
        'Welcome to Akimat Desk! The register is empty. Start registering appeals, or load the sample district to get to know the program.',
      backups: 'Backups',
      folder: 'Automatic backups folder',
      last: 'Last backup',
      none: 'No backup yet',
      stale: 'There has been no backup for more than a week. Back up now (to a USB drive, for example).',
      autoHint:
        'The program backs up at the first start of each day and before upgrading the database; it keeps 7 daily, 4 weekly and 12 monthly backups.',
      targetFolder: 'Where to save (empty: the automatic backups folder)',
      choose: 'Choose…',
      backUpNow: 'Back up now',
      backedUp: 'Backup saved: {{file}}',
      kind: {
        auto: 'Automatic',
        manual: 'Manual',
        'pre-migration': 'Before upgrade',
        'before-restore': 'Before restore',
      },
      colAt: 'Time',
      colKind: 'Kind',
      colSize: 'Size',
      restore: 'Restore',
      restoreFromFile: 'Restore from a file',
      filePath: 'Path of the backup file',
      check: 'Check',
      inspectTitle: 'What the backup holds',
      schemaVersion: 'Schema version',
      appeals: 'Appeals',
      meetings: 'Report meetings',
      staff: 'Staff',
      period: 'Appeals period',
      lastChange: 'Last change',
      restoreWarning:
        'The current data will be replaced by this backup. The current database is kept aside, so the restore can be undone.',
      confirmRestore: 'Restore',
      restored: 'Restored: {{appeals}} appeals, {{meetings}} meetings.',
      undo: 'Undo the restore',
      undone: 'The restore was undone: the data is as it was.',
      history: 'History of changes',
      historyHint:
        'Each entry keeps the hash of the one before and is signed with a key kept outside the database: if someone changes the file outside the program or removes the newest entries, the check shows it.',
      verify: 'Verify history',
      verifiedOk: 'The history is whole: {{entries}} entries checked.',
      verifiedWithNotes: 'The chain is whole: {{entries}} entries checked. Please note:',
      keyFolder: 'Folder of the key and the chain head: {{folder}}',
      keyedFrom:
        'Keyed history begins at entry No. {{id}} ({{at}}); the entries before it ({{legacy}}) are checked by the older chain.',
      keyedFromStart: 'Every entry is signed with the key.',
      head: {
        ok: 'The chain head kept outside the database matches its last entry (No. {{lastId}}).',
        missing: 'No chain head is kept for this database: its end cannot be checked.',
        tailRemoved:
          'The newest entries were removed: the chain head says No. {{headId}}, the database ends at No. {{lastId}}.',
        mismatch: 'The database does not match its chain head (No. {{headId}}): the file or the head was replaced.',
        behind:
          'The chain head (No. {{headId}}) is older than the database (No. {{lastId}}): it was replaced by an older one.',
      },
      findingsTitle: 'Found at earlier starts and written into the history:',
      finding: {
        keyMissing: '{{at}}: the key was missing; a new key signs from entry No. {{id}}.',
        keyChanged: "{{at}}: the history was signed with another key; this computer's key signs from entry No. {{id}}.",
        headMissing: '{{at}}: the chain head was missing (the database ended at No. {{lastId}}).',
        tailRemoved:
          '{{at}}: the newest entries were removed: the chain head said No. {{headId}}, the database ended at No. {{lastId}}.',
        headMismatch:
          '{{at}}: the database did not match its chain head (No. {{headId}}): the file or the head was replaced.',
        headBehind:
          '{{at}}: the chain head (No. {{headId}}) was older than the database (No. {{lastId}}): replaced by an older one.',
      },
      unverifiable:
        'Entries No. {{fromId}}–{{toId}} were signed with a key this computer does not hold: their content cannot be checked.',
      verifiedBroken: 'The history is broken: the first broken entry is No. {{id}} ({{at}}, {{entity}} {{entityId}}).',
    },
  },
})
