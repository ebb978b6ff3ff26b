import { defineSection } from '../section'

/**
 * The desk: the desktop app's first-start choice (this PC alone, or a desk of the office
 * server, whose certificate's fingerprint the clerk compares once), and what a desk of the
 * server says when the server does not answer or presents another certificate. Keys under `desk.`.
 */
export const desk = defineSection({
  kk: {
    desk: {
      unreachable: 'Кеңсе серверімен байланыс жоқ',
      unreachableAt:
        '{{address}} мекенжайындағы кеңсе сервері жауап бермейді; қайта қосылуға тырысып жатырмыз. Терілгені формада қалады: бұл компьютерде ештеңе сақталмайды, кейін жіберу үшін де жиналмайды.',
      certificateChanged: 'Кеңсе серверінің сертификаты өзгерді',
      certificateChangedAt:
        '{{address}} сервері бұрын сенім білдірілгеннен басқа сертификат көрсетті, сондықтан оған ештеңе жіберілмеді. Әкімшіге хабарлаңыз: сервер ауыстырылғанын немесе сертификаты жаңартылғанын тексерсін.',
      notOfficeServer: 'Бұл мекенжайда Akimat Desk кеңсе сервері жоқ',
      serverAt: 'Мекенжай: {{address}}',
      notChosen: 'Алдымен бағдарламаның жұмыс тәсілін таңдаңыз',
      alreadyChosen: 'Бұл компьютердің жұмыс тәсілі бұрын таңдалған',
      settingsDamaged:
        'Бағдарламаның жұмыс тәсілі сақталған файл бүлінген: {{file}}. Әкімші оны тексеріп, жойсын: келесі іске қосылғанда бағдарлама тәсілді қайта сұрайды.',
      address: {
        httpsOnly: 'Кеңсе сервері тек https:// арқылы жұмыс істейді',
        invalid: 'Мекенжай дұрыс емес: мысалы, akimat-server немесе 192.168.1.10:4780',
        hostOnly: 'Тек сервердің аты немесе мекенжайы және порты керек (жолсыз)',
      },
      probe: {
        noAnswer: '{{address}} мекенжайында сервер жауап бермейді: мекенжайды және сервердің қосулы екенін тексеріңіз',
        notOfficeServer: '{{address}} мекенжайында Akimat Desk кеңсе сервері емес бағдарлама жауап береді',
        changedWhileLooking: 'Сервердің сертификаты қарап жатқанда өзгерді: серверді қайта қараңыз',
      },
      choice: {
        title: 'Бұл компьютер қалай жұмыс істейді?',
        intro: 'Бұл таңдау бір рет жасалады.',
        local: 'Тек осы компьютер',
        localHint: 'Деректер осы компьютерде сақталады. Бір адам жұмыс істейтін кеңсеге арналған.',
        server: 'Кеңсе серверіне қосылу',
        serverHint: 'Деректер кеңсе серверінде. Бірнеше қызметкер бір тізіліммен жұмыс істейді.',
        address: 'Сервердің мекенжайы',
        addressHint: 'Сервер іске қосылғанда басып шығарған мекенжай, мысалы https://akimat-server:4780/',
        look: 'Серверді қарау',
        fingerprintTitle: 'Сертификаттың саусақ ізін салыстырыңыз',
        fingerprintCompare:
          'Бұл саусақ ізі сервер іске қосылғанда басып шығарған (әкімшіге Баптаулар → Бағдарлама туралы бөлімінде де көрінетін) саусақ ізімен таңбасына дейін бірдей болуы керек. Бірдей болмаса, қоспаңыз және әкімшіге хабарлаңыз.',
        names: 'Сертификаттағы атаулар',
        validTo: 'Жарамды',
        version: 'Сервер нұсқасы',
        trust: 'Саусақ ізі бірдей: қосылу',
        back: 'Артқа',
        confirmLocal: 'Осы компьютерде жұмыс істеу',
      },
      banner: {
        retryIn: '{{seconds}} с кейін қайта тексереміз',
        retrying: 'Тексеріп жатырмыз…',
        retryNow: 'Қазір тексеру',
        restored: 'Кеңсе серверімен байланыс қалпына келді',
      },
    },
  },
  ru: {
    desk: {
      unreachable: 'Нет связи с сервером офиса',
      unreachableAt:
        'Сервер офиса по адресу {{address}} не отвечает; пробуем подключиться снова. Введённое остаётся в форме: на этом компьютере ничего не сохраняется и не откладывается для отправки позже.',
      certificateChanged: 'Сертификат сервера офиса изменился',
      certificateChangedAt:
        'Сервер {{address}} предъявил не тот сертификат, которому было дано доверие, поэтому ему ничего не отправлено. Сообщите администратору: пусть проверит, не заменили ли сервер или его сертификат.',
      notOfficeServer: 'По этому адресу нет сервера офиса Akimat Desk',
      serverAt: 'Адрес: {{address}}',
      notChosen: 'Сначала выберите, как работает программа',
      alreadyChosen: 'Способ работы этого компьютера уже выбран',
      settingsDamaged:
        'Файл, в котором записан способ работы программы, повреждён: {{file}}. Пусть администратор проверит и удалит его: при следующем запуске программа спросит снова.',
      address: {
        httpsOnly: 'Сервер офиса работает только по https://',
        invalid: 'Неверный адрес: например, akimat-server или 192.168.1.10:4780',
        hostOnly: 'Нужны только имя или адрес сервера и порт (без пути)',
      },
      probe: {
        noAnswer: 'По адресу {{address}} сервер не отвечает: проверьте адрес и что сервер включён',
        notOfficeServer: 'По адресу {{address}} отвечает программа, которая не является сервером офиса Akimat Desk',
        changedWhileLooking: 'Сертификат сервера изменился во время проверки: проверьте сервер ещё раз',
      },
      choice: {
        title: 'Как будет работать этот компьютер?',
        intro: 'Этот выбор делается один раз.',
        local: 'Только этот компьютер',
        localHint: 'Данные хранятся на этом компьютере. Для офиса, где работает один человек.',
        server: 'Подключиться к серверу офиса',
        serverHint: 'Данные на сервере офиса. Несколько сотрудников работают с одним журналом.',
        address: 'Адрес сервера',
        addressHint: 'Адрес, который сервер напечатал при запуске, например https://akimat-server:4780/',
        look: 'Проверить сервер',
        fingerprintTitle: 'Сравните отпечаток сертификата',
        fingerprintCompare:
          'Этот отпечаток должен совпадать до знака с отпечатком, который сервер напечатал при запуске (администратор видит его и в Настройки → О программе). Если не совпадает, не подключайтесь и сообщите администратору.',
        names: 'Имена в сертификате',
        validTo: 'Действителен до',
        version: 'Версия сервера',
        trust: 'Отпечаток совпадает: подключиться',
        back: 'Назад',
        confirmLocal: 'Работать на этом компьютере',
      },
      banner: {
        retryIn: 'Проверим снова через {{seconds}} с',
        retrying: 'Проверяем…',
        retryNow: 'Проверить сейчас',
        restored: 'Связь с сервером офиса восстановлена',
      },
    },
  },
  en: {
    desk: {
      unreachable: 'No connection to the office server',
      unreachableAt:
        'The office server at {{address}} does not answer; retrying. What you typed stays in the form: nothing is saved on this computer, nor kept to be sent later.',
      certificateChanged: "The office server's certificate changed",
      certificateChangedAt:
        'The server at {{address}} presented another certificate than the one trusted, so nothing was sent to it. Tell the administrator: they should check whether the server or its certificate was replaced.',
      notOfficeServer: 'There is no Akimat Desk office server at this address',
      serverAt: 'Address: {{address}}',
      notChosen: 'First choose how the program works',
      alreadyChosen: 'How this computer works has already been chosen',
      settingsDamaged:
        'The file that keeps how this program works is damaged: {{file}}. An administrator should check and delete it: the next start then asks again.',
      address: {
        httpsOnly: 'The office server works over https:// only',
        invalid: 'Not a valid address: for example akimat-server or 192.168.1.10:4780',
        hostOnly: "Only the server's name or address and port (no path)",
      },
      probe: {
        noAnswer: 'No server answers at {{address}}: check the address and that the server is on',
        notOfficeServer: 'What answers at {{address}} is not an Akimat Desk office server',
        changedWhileLooking: "The server's certificate changed while it was being looked at: look at the server again",
      },
      choice: {
        title: 'How will this computer work?',
        intro: 'This choice is made once.',
        local: 'This PC alone',
        localHint: 'The data is kept on this computer. For an office where one person works.',
        server: 'Connect to the office server',
        serverHint: 'The data is on the office server. Several people work on one register.',
        address: "Server's address",
        addressHint: 'The address the server printed when it started, e.g. https://akimat-server:4780/',
        look: 'Look at the server',
        fingerprintTitle: "Compare the certificate's fingerprint",
        fingerprintCompare:
          'This fingerprint must be the same, character for character, as the one the server printed when it started (administrators also see it in Settings → About). If it differs, do not connect: tell the administrator.',
        names: 'Names in the certificate',
        validTo: 'Valid until',
        version: 'Server version',
        trust: 'The fingerprint is the same: connect',
        back: 'Back',
        confirmLocal: 'Work on this computer',
      },
      banner: {
        retryIn: 'Trying again in {{seconds}} s',
        retrying: 'Trying…',
        retryNow: 'Try now',
        restored: 'The connection to the office server is back',
      },
    },
  },
})
