import { defineSection } from '../section'

/**
 * The notice of an extension and the redirect of an appeal outside the office's competence:
 * the list's filter and markers, the dashboard's figures, the card's actions. Keys live under
 * `noticesUi.`.
 */
export const noticesUi = defineSection({
  kk: {
    noticesUi: {
      filter: {
        notice: 'Ұзарту туралы хабарлама',
        noticeDue: 'Хабарлау керек',
        noticeOverdue: 'Хабарлау мерзімі өткен',
        redirect: 'Басқа органға жолдау',
        redirectDue: 'Жолдау керек',
        redirectOverdue: 'Жолдау мерзімі өткен',
        redirectLate: 'Мерзімі өткен немесе кешігіп жолданған',
      },
      tag: {
        notice: 'Хабарлау',
        noticeDue: 'Ұзарту туралы хабарлау мерзімі: {{date}}',
        noticeLate: 'Хабарлау мерзімі өтті',
        redirect: 'Жолдау',
        redirectDue: 'Басқа органға жолдау мерзімі: {{date}}',
        redirectLate: 'Жолдау мерзімі бұзылды',
      },
      dashboard: {
        noticesDue: 'Ұзарту туралы хабарлау керек',
        redirectsDue: 'Басқа органға жолдау керек',
        overdue: 'оның ішінде мерзімі өткені: {{count}}',
      },
      card: {
        recordNotice: 'Хабарланды деп белгілеу',
        markForRedirect: 'Құзыретке жатпайды: жолдауға белгілеу',
        markHint:
          'Өтініш әкімдіктің құзыретіне жатпаса, тіркелгеннен кейін 3 жұмыс күні ішінде тиісті органға жолданады. Мерзім қазір есептеліп сақталады.',
        toRedirect: 'Жолдауға белгіленген',
      },
    },
  },
  ru: {
    noticesUi: {
      filter: {
        notice: 'Уведомление о продлении',
        noticeDue: 'Нужно уведомить',
        noticeOverdue: 'Срок уведомления истек',
        redirect: 'Направление по компетенции',
        redirectDue: 'Нужно направить',
        redirectOverdue: 'Срок направления истек',
        redirectLate: 'Просрочено или направлено с опозданием',
      },
      tag: {
        notice: 'Уведомить',
        noticeDue: 'Уведомить о продлении до {{date}}',
        noticeLate: 'Уведомление просрочено',
        redirect: 'Направить',
        redirectDue: 'Направить по компетенции до {{date}}',
        redirectLate: 'Срок направления нарушен',
      },
      dashboard: {
        noticesDue: 'Уведомить о продлении',
        redirectsDue: 'Направить по компетенции',
        overdue: 'из них просрочено: {{count}}',
      },
      card: {
        recordNotice: 'Отметить уведомление',
        markForRedirect: 'Не по компетенции: отметить к направлению',
        markHint:
          'Обращение, не относящееся к компетенции акимата, направляется в соответствующий орган в течение 3 рабочих дней с регистрации. Срок будет рассчитан и сохранен сейчас.',
        toRedirect: 'Отмечено к направлению',
      },
    },
  },
  en: {
    noticesUi: {
      filter: {
        notice: 'Extension notice',
        noticeDue: 'To be notified',
        noticeOverdue: 'Notice overdue',
        redirect: 'Redirect',
        redirectDue: 'To be redirected',
        redirectOverdue: 'Redirect overdue',
        redirectLate: 'Overdue or redirected late',
      },
      tag: {
        notice: 'Notify',
        noticeDue: 'Tell the applicant of the extension by {{date}}',
        noticeLate: 'Notice overdue',
        redirect: 'Redirect',
        redirectDue: 'Redirect by {{date}}',
        redirectLate: 'Redirect late',
      },
      dashboard: {
        noticesDue: 'Extension notices due',
        redirectsDue: 'Redirects due',
        overdue: 'of which overdue: {{count}}',
      },
      card: {
        recordNotice: 'Record the notice',
        markForRedirect: 'Outside competence: mark for redirect',
        markHint:
          'An appeal outside the office’s competence goes to the right body within 3 working days of registration. The deadline is computed and stored now.',
        toRedirect: 'Marked for redirect',
      },
    },
  },
})
