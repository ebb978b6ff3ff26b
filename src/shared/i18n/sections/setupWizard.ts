import { defineSection } from '../section'

/** The first-start wizard: office and head, okrugs and settlements, staff and sign-ins, sample data. Keys live under `setupWizard.`. */
export const setupWizard = defineSection({
  kk: {
    setupWizard: {
      title: 'Әкімдікті баптау',
      intro: 'Әр қадам «Келесі» басылғанда сақталады: кейін қайта ашсаңыз, тоқтаған жерден жалғасады.',
      stepOf: '{{total}} қадамның {{number}}-і',
      steps: {
        office: 'Әкімдік және басшы',
        localities: 'Округтер мен елді мекендер',
        staff: 'Қызметкерлер мен кіру',
        sample: 'Үлгі деректер',
      },
      buttons: {
        back: 'Артқа',
        next: 'Келесі',
        skip: 'Өткізіп жіберу',
        finish: 'Аяқтау',
      },
      keys: 'Пернелер: Tab — келесі өріс, Ctrl+Enter — сақтап, келесі қадамға өту.',
      office: {
        hint: 'Әкімдіктің атауы, ауданы мен басшысы талондарда, есептердің тақырыбы мен қолтаңба жолында басылады. Кейін «Баптаулар → Әкімдік деректері» бөлімінде өзгертуге болады.',
      },
      localities: {
        hint: 'Ауылдық округтер және олардың елді мекендері. Ауылдық әкімдікте көбіне бір округ және бірнеше ауыл болады. Бос жолдар сақталмайды.',
        okrug: 'Ауылдық округ',
        settlements: 'Елді мекендер',
        addOkrug: 'Тағы бір округ',
        addSettlement: 'Елді мекен қосу',
        remove: 'Жолды алып тастау',
        saved: 'Сақталған',
      },
      staff: {
        hint: 'Өтініштерді қабылдайтын және орындайтын қызметкерлер. Бағдарламаға кіретіндерге рөл, логин және алғашқы құпиясөз беріңіз; құпиясөзді қызметкердің өзіне айтыңыз: алғаш кіргенде бағдарлама одан өз құпиясөзін таңдауды сұрайды. Бос жолдар сақталмайды.',
        existing: 'Тізімде бар қызметкерлер',
        fullName: 'Аты-жөні',
        position: 'Лауазымы (қазақша)',
        positionRu: 'Лауазымы (орысша)',
        role: 'Рөлі',
        noSignIn: 'Кірмейді',
        username: 'Логин',
        password: 'Алғашқы құпиясөз',
        add: 'Тағы бір қызметкер',
        remove: 'Жолды алып тастау',
        signIn: 'кіреді: {{username}} ({{role}})',
        noAccount: 'бағдарламаға кірмейді',
      },
      sample: {
        hint: 'Үлгі деректер бағдарламаны байқап көру үшін ғана: бөлек ойдан шығарылған аудан (Абай ауданының әкімдігі), оның округтері, ауылдары, қызметкерлері, 2021–2023 жылдардағы есептік кездесулері мен өтініштері. Нақты жұмыс басталатын болса, бұл қадамды өткізіп жіберіңіз.',
        mixes:
          'Үлгі 1-қадамда енгізілген әкімдік атауы мен басшыны Абай ауданының деректерімен ауыстырады, ал оның округтері, қызметкерлері, кездесулері мен өтініштері сіз енгізгендердің қасына қосылады.',
        removal:
          'Үлгі деректерді кейін жазба-жазбамен жою мүмкін емес (тарих әр жазбаны сақтайды). Сондықтан жүктер алдында дерекқордың қазіргі көшірмесі жасалады: үлгіні алып тастау үшін «Баптаулар → Деректер қауіпсіздігі» бөлімінде сол көшірмені қалпына келтіріңіз (одан кейін енгізілгеннің бәрі де кетеді).',
        notEmpty: 'Тізілімде өтініштер бар: үлгі деректер нақты жазбалармен араласпауы үшін жүктелмейді.',
        backupMade: 'Үлгіге дейінгі көшірме: {{file}}',
      },
      firstPassword: {
        title: 'Өз құпиясөзіңізді таңдаңыз',
        hint: 'Сіз әкімші берген алғашқы құпиясөзбен кірдіңіз. Жұмысты бастау үшін оны тек өзіңіз білетін құпиясөзге ауыстырыңыз.',
      },
      reopen: {
        title: 'Алғашқы баптау шебері',
        text: 'Әкімдікті, округтерді, қызметкерлерді және үлгі деректерді қадам-қадаммен баптау.',
        button: 'Шеберді ашу',
      },
    },
  },
  ru: {
    setupWizard: {
      title: 'Настройка акимата',
      intro: 'Каждый шаг сохраняется по кнопке «Далее»: если закрыть программу, настройка продолжится с того же места.',
      stepOf: 'Шаг {{number}} из {{total}}',
      steps: {
        office: 'Акимат и руководитель',
        localities: 'Округа и населенные пункты',
        staff: 'Сотрудники и входы',
        sample: 'Образец данных',
      },
      buttons: {
        back: 'Назад',
        next: 'Далее',
        skip: 'Пропустить',
        finish: 'Завершить',
      },
      keys: 'Клавиши: Tab — следующее поле, Ctrl+Enter — сохранить и перейти к следующему шагу.',
      office: {
        hint: 'Наименование акимата, район и руководитель печатаются на талонах, в заголовках отчетов и в строке подписи. Позже их можно изменить в разделе «Настройки → Сведения об акимате».',
      },
      localities: {
        hint: 'Сельские округа и их населенные пункты. В сельском акимате обычно один округ и несколько сел. Пустые строки не сохраняются.',
        okrug: 'Сельский округ',
        settlements: 'Населенные пункты',
        addOkrug: 'Еще один округ',
        addSettlement: 'Добавить населенный пункт',
        remove: 'Убрать строку',
        saved: 'Сохранено',
      },
      staff: {
        hint: 'Сотрудники, которые принимают и исполняют обращения. Тем, кто будет работать в программе, задайте роль, логин и первый пароль; пароль сообщите сотруднику лично: при первом входе программа попросит его задать свой пароль. Пустые строки не сохраняются.',
        existing: 'Уже в списке сотрудников',
        fullName: 'ФИО',
        position: 'Должность (на казахском)',
        positionRu: 'Должность (на русском)',
        role: 'Роль',
        noSignIn: 'Без входа',
        username: 'Логин',
        password: 'Первый пароль',
        add: 'Еще один сотрудник',
        remove: 'Убрать строку',
        signIn: 'входит: {{username}} ({{role}})',
        noAccount: 'в программу не входит',
      },
      sample: {
        hint: 'Образец данных нужен только чтобы попробовать программу: это отдельный вымышленный район (акимат Абайского района), его округа, села, сотрудники, отчетные встречи 2021–2023 годов и обращения. Если начинается настоящая работа, пропустите этот шаг.',
        mixes:
          'Образец заменит наименование акимата и руководителя, введенные на шаге 1, данными Абайского района, а его округа, сотрудники, встречи и обращения добавятся к введенным вами.',
        removal:
          'Удалить образец по одной записи потом нельзя (история хранит каждую запись). Поэтому перед загрузкой делается копия базы в нынешнем виде: чтобы убрать образец, восстановите эту копию в разделе «Настройки → Сохранность данных» (уйдет и все, что введено после нее).',
        notEmpty: 'В реестре есть обращения: образец не загружается, чтобы не смешаться с настоящими записями.',
        backupMade: 'Копия до образца: {{file}}',
      },
      firstPassword: {
        title: 'Задайте свой пароль',
        hint: 'Вы вошли с первым паролем, который выдал администратор. Чтобы начать работу, замените его паролем, который знаете только вы.',
      },
      reopen: {
        title: 'Мастер первой настройки',
        text: 'Пошаговая настройка: акимат, округа, сотрудники и образец данных.',
        button: 'Открыть мастер',
      },
    },
  },
  en: {
    setupWizard: {
      title: 'Setting up the office',
      intro: 'Each step is saved when you press Next: if you close the program, setup continues where you left off.',
      stepOf: 'Step {{number}} of {{total}}',
      steps: {
        office: 'Office and head',
        localities: 'Okrugs and settlements',
        staff: 'Staff and sign-ins',
        sample: 'Sample data',
      },
      buttons: {
        back: 'Back',
        next: 'Next',
        skip: 'Skip',
        finish: 'Finish',
      },
      keys: 'Keys: Tab moves to the next field, Ctrl+Enter saves and goes to the next step.',
      office: {
        hint: "The office's name, district and head are printed on receipts, report headers and the signature line. You can change them later in Settings → Office identity.",
      },
      localities: {
        hint: 'Rural okrugs and their settlements. A rural akimat usually has one okrug with several villages. Empty rows are not saved.',
        okrug: 'Rural okrug',
        settlements: 'Settlements',
        addOkrug: 'Another okrug',
        addSettlement: 'Add a settlement',
        remove: 'Remove the row',
        saved: 'Saved',
      },
      staff: {
        hint: 'The staff who receive and handle appeals. For those who will use the program, give a role, a username and a first password; tell the person the password yourself: at their first sign-in the program asks them to choose their own. Empty rows are not saved.',
        existing: 'Already on the staff list',
        fullName: 'Full name',
        position: 'Position (Kazakh)',
        positionRu: 'Position (Russian)',
        role: 'Role',
        noSignIn: 'No sign-in',
        username: 'Username',
        password: 'First password',
        add: 'Another person',
        remove: 'Remove the row',
        signIn: 'signs in as {{username}} ({{role}})',
        noAccount: 'does not sign in',
      },
      sample: {
        hint: 'Sample data is only for trying the program out: a separate, made-up district (the Abai district akimat) with its okrugs, villages, staff, the 2021–2023 report meetings and appeals. If real work is starting, skip this step.',
        mixes:
          "The sample replaces the office name and head entered in step 1 with the Abai district's, and its okrugs, staff, meetings and appeals are added beside yours.",
        removal:
          'Sample records cannot be removed one by one later (the history keeps every entry). So a copy of the database as it is now is made before loading: to remove the sample, restore that copy in Settings → Data safety (everything entered after it goes too).',
        notEmpty: 'The register holds appeals: the sample is not loaded, so that it never mixes with real records.',
        backupMade: 'Copy made before the sample: {{file}}',
      },
      firstPassword: {
        title: 'Choose your own password',
        hint: 'You signed in with a first password an administrator gave you. To start work, replace it with a password only you know.',
      },
      reopen: {
        title: 'First-start wizard',
        text: 'Step by step: the office, okrugs, staff and sample data.',
        button: 'Open the wizard',
      },
    },
  },
})
