import { defineSection } from '../section'

/** The receipt slip (талон) given to the applicant. */
export const receipt = defineSection({
  kk: {
    receipt: {
      title: 'Өтінішті қабылдау туралы талон',
      number: 'Тіркеу нөмірі',
      receivedAt: 'Қабылданған күні мен уақыты',
      registeredOn: 'Тіркелген күні',
      applicant: 'Өтініш беруші',
      anonymous: 'Анонимді өтініш',
      summary: 'Қысқаша мазмұны',
      dueOn: 'Қарау мерзімі',
      extendedTo: 'Ұзартылған мерзім',
      extendedToValue: '{{date}} дейін (ұзарту туралы шешім {{decided}})',
      acceptedBy: 'Қабылдаған',
      note: 'Өтініш Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексіне сәйкес 15 жұмыс күні ішінде қаралады.',
      signature: 'Қолы',
      fileName: 'талон',
    },
  },
  ru: {
    receipt: {
      title: 'Талон о приеме обращения',
      number: 'Регистрационный номер',
      receivedAt: 'Дата и время приема',
      registeredOn: 'Дата регистрации',
      applicant: 'Заявитель',
      anonymous: 'Анонимное обращение',
      summary: 'Краткое содержание',
      dueOn: 'Срок рассмотрения',
      extendedTo: 'Срок продлен',
      extendedToValue: 'до {{date}} (решение о продлении от {{decided}})',
      acceptedBy: 'Принял(а)',
      note: 'Обращение рассматривается в течение 15 рабочих дней в соответствии с Административным процедурно-процессуальным кодексом Республики Казахстан.',
      signature: 'Подпись',
      fileName: 'talon',
    },
  },
  en: {
    receipt: {
      title: 'Receipt of an appeal',
      number: 'Registration number',
      receivedAt: 'Received (date and time)',
      registeredOn: 'Registered on',
      applicant: 'Applicant',
      anonymous: 'Anonymous appeal',
      summary: 'Summary',
      dueOn: 'Review deadline',
      extendedTo: 'Extended term',
      extendedToValue: 'until {{date}} (extension decided on {{decided}})',
      acceptedBy: 'Accepted by',
      note: 'The appeal is reviewed within 15 working days under the Administrative Procedural Code of the Republic of Kazakhstan.',
      signature: 'Signature',
      fileName: 'receipt',
    },
  },
})
