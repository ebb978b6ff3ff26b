import { defineSection } from '../section'

/**
 * The office passphrase (Settings → Data safety) and encrypted copies: backups taken off the
 * computer and consolidation packages. Keys under `passphraseUi.`.
 */
export const passphraseUi = defineSection({
  kk: {
    passphraseUi: {
      title: 'Кеңсе құпия сөзі (шифрланған көшірмелер)',
      hint: 'Құпия сөз орнатылса, деректер бумасынан тыс жасалатын көшірмелер («Қазір көшірме жасау» флешкаға немесе таңдалған бумаға) мен біріктіру пакеттері шифрланады (AES-256-GCM). Деректер бумасындағы күнделікті автоматты көшірмелер шифрланбайды: олар дерекқордың өзімен қатар тұрады. Құпия сөздің өзі сақталмайды: оны ұмытсаңыз, шифрланған көшірмелерді ашу мүмкін болмайды.',
      stateSet: 'Орнатылған ({{at}})',
      stateNone: 'Орнатылмаған: көшірмелер шифрланбай жазылады',
      field: 'Кеңсе құпия сөзі',
      current: 'Қазіргі құпия сөз',
      next: 'Жаңа құпия сөз',
      repeat: 'Жаңа құпия сөзді қайталаңыз',
      set: 'Құпия сөзді орнату',
      change: 'Құпия сөзді өзгерту',
      clear: 'Құпия сөзді алып тастау',
      saved: 'Кеңсе құпия сөзі сақталды',
      cleared: 'Кеңсе құпия сөзі алынып тасталды: көшірмелер енді шифрланбайды',
      mismatch: 'Құпия сөздер сәйкес емес',
      encryptedFile: 'Бұл файл шифрланған: оны ашу үшін кеңсе құпия сөзін енгізіңіз',
      open: 'Ашу',
      backupNeedsIt: 'Кеңсе құпия сөзі орнатылған: деректер бумасынан тыс көшірме шифрланады',
      errors: {
        required: 'Кеңсе құпия сөзін енгізіңіз',
        notOffice: 'Бұл кеңсе құпия сөзі емес',
        wrong: 'Құпия сөз бұл файлға сәйкес келмейді (немесе файлдың тақырыбы өзгертілген): ештеңе өзгермеді',
        damaged: 'Шифрланған файл бүлінген немесе толық емес: ол пайдаланылмады, ештеңе өзгермеді',
      },
    },
  },
  ru: {
    passphraseUi: {
      title: 'Пароль офиса (зашифрованные копии)',
      hint: 'Если пароль задан, копии, записываемые вне папки данных («Сделать копию сейчас» на флешку или в выбранную папку), и пакеты консолидации шифруются (AES-256-GCM). Ежедневные автоматические копии в папке данных не шифруются: они лежат рядом с самой базой. Сам пароль не хранится: если его забыть, зашифрованные копии открыть нельзя.',
      stateSet: 'Задан ({{at}})',
      stateNone: 'Не задан: копии записываются без шифрования',
      field: 'Пароль офиса',
      current: 'Текущий пароль',
      next: 'Новый пароль',
      repeat: 'Повторите новый пароль',
      set: 'Задать пароль',
      change: 'Сменить пароль',
      clear: 'Снять пароль',
      saved: 'Пароль офиса сохранён',
      cleared: 'Пароль офиса снят: копии больше не шифруются',
      mismatch: 'Пароли не совпадают',
      encryptedFile: 'Файл зашифрован: введите пароль офиса, чтобы открыть его',
      open: 'Открыть',
      backupNeedsIt: 'Задан пароль офиса: копия вне папки данных будет зашифрована',
      errors: {
        required: 'Введите пароль офиса',
        notOffice: 'Это не пароль офиса',
        wrong: 'Пароль не подходит к этому файлу (или изменён его заголовок): ничего не изменено',
        damaged: 'Зашифрованный файл повреждён или обрезан: он не использован, ничего не изменено',
      },
    },
  },
  en: {
    passphraseUi: {
      title: 'Office passphrase (encrypted copies)',
      hint: 'When a passphrase is set, copies written outside the data folder ("Back up now" to a USB drive or a chosen folder) and consolidation packages are encrypted (AES-256-GCM). The daily automatic backups in the data folder stay unencrypted: they sit beside the database itself. The passphrase itself is not stored: if it is forgotten, encrypted copies cannot be opened.',
      stateSet: 'Set ({{at}})',
      stateNone: 'Not set: copies are written unencrypted',
      field: 'Office passphrase',
      current: 'Current passphrase',
      next: 'New passphrase',
      repeat: 'Repeat the new passphrase',
      set: 'Set passphrase',
      change: 'Change passphrase',
      clear: 'Clear passphrase',
      saved: 'Office passphrase saved',
      cleared: 'Office passphrase cleared: copies are no longer encrypted',
      mismatch: 'The passphrases do not match',
      encryptedFile: 'This file is encrypted: enter the office passphrase to open it',
      open: 'Open',
      backupNeedsIt: 'An office passphrase is set: a copy outside the data folder is encrypted',
      errors: {
        required: 'Enter the office passphrase',
        notOffice: 'This is not the office passphrase',
        wrong: 'The passphrase does not fit this file (or its header was altered): nothing changed',
        damaged: 'The encrypted file is damaged or cut short: it was not used, nothing changed',
      },
    },
  },
})
