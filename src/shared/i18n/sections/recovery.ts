import { defineSection } from '../section'

/**
 * Recovery mode: the page shown when the database will not open (restore a backup, the
 * before-restore copy, or start empty), and its refusals. Keys under `recovery.`.
 */
export const recovery = defineSection({
  kk: {
    recovery: {
      title: 'Дерекқор ашылмады',
      cause: {
        corrupt: 'Дерекқор файлы бүлінген: тұтастықты тексеру өтпеді.',
        unreadable: 'Дерекқор файлын оқу мүмкін емес: ол бүлінген немесе дерекқор емес.',
        foreign: 'Бұл файл Akimat Desk дерекқоры емес.',
        migration: 'Дерекқорды жаңа нұсқаға жаңарту сәтсіз аяқталды (өзгерістер кері қайтарылды).',
      },
      file: 'Дерекқор файлы: {{file}}',
      kept: 'Ештеңе өшірілмейді: не таңдасаңыз да, зақымдалған файл уақыты қосылған атаумен бөлек сақталады.',
      backupsTitle: 'Сақтық көшірмеден қалпына келтіру',
      backupsHint:
        '«Қалпына келтіру алдында» көшірмесі — соңғы қалпына келтіруге дейінгі дерекқор. Тек сақтық көшірмелер бумасындағы файлдарды таңдауға болады.',
      noBackups: 'Сақтық көшірмелер бумасында көшірме табылмады.',
      colContents: 'Ішінде',
      contents: '{{appeals}} өтініш, {{meetings}} кездесу, {{staff}} қызметкер',
      unusable: 'Пайдалануға болмайды',
      restore: 'Осы көшірмені ашу',
      confirmRestore: 'Зақымдалған дерекқордың орнына осы көшірмені қою керек пе?',
      emptyTitle: 'Бос дерекқормен бастау',
      emptyHint: 'Жарамды көшірме болмаса ғана: бағдарламаны әкімші қайта баптайды. Зақымдалған файл бөлек сақталады.',
      startEmpty: 'Бос дерекқормен бастау',
      confirmEmpty: 'Бос дерекқормен бастау керек пе? Зақымдалған файл өшірілмейді, бөлек сақталады.',
      done: 'Дерекқор ашылды. Зақымдалған файл сақталған жер: {{file}}',
      notActive: 'Дерекқор ашық: қалпына келтіру режимі қажет емес.',
      active: 'Дерекқор ашылмады: алдымен оны қалпына келтіріңіз.',
      noSuchBackup: 'Мұндай көшірме сақтық көшірмелер бумасында жоқ.',
      startFailed: 'Дерекқор бұл жолы да ашылмады. Басқа көшірмені таңдаңыз.',
      actionFailed: 'Әрекет аяқталмады. Бағдарлама журналын қараңыз.',
    },
  },
  ru: {
    recovery: {
      title: 'База данных не открылась',
      cause: {
        corrupt: 'Файл базы данных повреждён: проверка целостности не пройдена.',
        unreadable: 'Файл базы данных не читается: он повреждён или это не база данных.',
        foreign: 'Этот файл не является базой данных Akimat Desk.',
        migration: 'Обновление базы данных до новой версии не удалось (изменения отменены).',
      },
      file: 'Файл базы данных: {{file}}',
      kept: 'Ничего не удаляется: что бы вы ни выбрали, повреждённый файл сохраняется рядом под именем со временем.',
      backupsTitle: 'Восстановить из резервной копии',
      backupsHint:
        'Копия «Перед восстановлением» — база данных до последнего восстановления. Выбрать можно только файлы из папки резервных копий.',
      noBackups: 'В папке резервных копий копий не найдено.',
      colContents: 'Содержимое',
      contents: 'обращений: {{appeals}}, встреч: {{meetings}}, сотрудников: {{staff}}',
      unusable: 'Не подходит',
      restore: 'Открыть эту копию',
      confirmRestore: 'Поставить эту копию на место повреждённой базы данных?',
      emptyTitle: 'Начать с пустой базы данных',
      emptyHint:
        'Только если нет пригодной копии: программу заново настраивает администратор. Повреждённый файл сохраняется отдельно.',
      startEmpty: 'Начать с пустой базы данных',
      confirmEmpty: 'Начать с пустой базы данных? Повреждённый файл не удаляется, а сохраняется отдельно.',
      done: 'База данных открыта. Повреждённый файл сохранён: {{file}}',
      notActive: 'База данных открыта: режим восстановления не нужен.',
      active: 'База данных не открылась: сначала восстановите её.',
      noSuchBackup: 'Такой копии нет в папке резервных копий.',
      startFailed: 'База данных снова не открылась. Выберите другую копию.',
      actionFailed: 'Действие не завершено. См. журнал программы.',
    },
  },
  en: {
    recovery: {
      title: 'The database did not open',
      cause: {
        corrupt: 'The database file is damaged: its integrity check failed.',
        unreadable: 'The database file cannot be read: it is damaged or not a database.',
        foreign: 'This file is not an Akimat Desk database.',
        migration: 'Updating the database to the new version failed (its changes were rolled back).',
      },
      file: 'Database file: {{file}}',
      kept: 'Nothing is deleted: whatever you choose, the damaged file is kept beside it, renamed with the time.',
      backupsTitle: 'Restore from a backup',
      backupsHint:
        'The "Before restore" copy is the database as it was before the last restore. Only the files in the backups folder can be chosen.',
      noBackups: 'No backups were found in the backups folder.',
      colContents: 'What it holds',
      contents: '{{appeals}} appeals, {{meetings}} meetings, {{staff}} staff',
      unusable: 'Cannot be used',
      restore: 'Open this copy',
      confirmRestore: 'Put this copy in place of the damaged database?',
      emptyTitle: 'Start with an empty database',
      emptyHint:
        'Only when no backup can be used: an administrator sets the program up again. The damaged file is kept aside.',
      startEmpty: 'Start with an empty database',
      confirmEmpty: 'Start with an empty database? The damaged file is not deleted; it is kept aside.',
      done: 'The database is open. The damaged file is kept at: {{file}}',
      notActive: 'The database is open: recovery mode is not needed.',
      active: 'The database did not open: recover it first.',
      noSuchBackup: 'There is no such copy in the backups folder.',
      startFailed: 'The database did not open this time either. Choose another copy.',
      actionFailed: 'The action did not complete. See the program log.',
    },
  },
})
