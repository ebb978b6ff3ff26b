import { defineSection } from '../section'

/**
 * Texts of the desktop program itself, outside the page: the confirmation before a link opens
 * in the browser, and the note left in the old data folder after the data moved. Keys live
 * under `desktop.`.
 */
export const desktop = defineSection({
  kk: {
    desktop: {
      openLink: {
        title: 'Сілтемені ашу',
        message: 'Браузерде {{host}} сайтын ашасыз ба?',
        detail: 'Сілтеме: {{url}}\nСайттың мекенжайын тексеріңіз: сілтемелер импортталған пакеттерден де келуі мүмкін.',
        open: 'Ашу',
        cancel: 'Болдырмау',
      },
      dataMoved: {
        note:
          'Akimat Desk деректері (дерекқор, сақтық көшірмелер, өзгерістер тарихының кілті) жаңа орынға көшірілді: {{to}}\n' +
          'Көшіру тексерілгеннен кейін бұл қалтадағы ескі көшірме жойылды. Бұл файлды өшіруге болады.',
      },
    },
  },
  ru: {
    desktop: {
      openLink: {
        title: 'Открыть ссылку',
        message: 'Открыть сайт {{host}} в браузере?',
        detail: 'Ссылка: {{url}}\nПроверьте адрес сайта: ссылки могут приходить и из импортированных пакетов.',
        open: 'Открыть',
        cancel: 'Отмена',
      },
      dataMoved: {
        note:
          'Данные Akimat Desk (база данных, резервные копии, ключ истории изменений) перенесены в новое место: {{to}}\n' +
          'Старая копия в этой папке удалена после проверки переноса. Этот файл можно удалить.',
      },
    },
  },
  en: {
    desktop: {
      openLink: {
        title: 'Open link',
        message: 'Open the site {{host}} in the browser?',
        detail: 'Link: {{url}}\nCheck the site’s address: links can also come from imported packages.',
        open: 'Open',
        cancel: 'Cancel',
      },
      dataMoved: {
        note:
          'The Akimat Desk data (database, backups, history key) has moved to a new place: {{to}}\n' +
          'The old copy in this folder was removed once the move was verified. You may delete this file.',
      },
    },
  },
})
