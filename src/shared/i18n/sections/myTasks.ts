import { defineSection } from '../section'

/** An executor's own appeals by deadline: the dashboard's panel, the printed task sheet, the daily reminder. */
export const myTasks = defineSection({
  kk: {
    myTasks: {
      title: 'Менің тапсырмаларым',
      overdue: 'Мерзімі өткен',
      dueToday: 'Бүгін орындалуы тиіс',
      dueTomorrow: 'Ертең орындалуы тиіс',
      openList: 'Тізімді ашу',
      none: 'Жоқ',
      noStaff:
        'Тіркелгіңіз қызметкерге байланыстырылмаған, сондықтан сізге өтініштер тағайындалмайды. Әкімшіден тіркелгіні қызметкерге байланыстыруды сұраңыз.',
      printSheet: 'Тапсырмалар парағын басып шығару',
      executor: 'Орындаушы',
      sheet: {
        title: 'Орындаушының тапсырмалар парағы',
        executor: 'Орындаушы: {{name}}',
        date: 'Күні: {{date}}',
        total: 'Қаралудағы өтініштер: {{count}}',
        number: 'Нөмірі',
        applicant: 'Өтініш беруші',
        summary: 'Қысқаша мазмұны',
        dueOn: 'Мерзімі',
        empty: 'Қаралудағы өтініштер жоқ.',
        signature: 'Орындаушының қолы ____________________',
        fileName: 'тапсырмалар',
      },
      notification: {
        title: 'Akimat Desk: бүгінгі тапсырмалар',
        body: 'Мерзімі өткен: {{overdue}}, бүгін: {{today}}, ертең: {{tomorrow}}',
      },
    },
  },
  ru: {
    myTasks: {
      title: 'Мои задачи',
      overdue: 'Просрочено',
      dueToday: 'Срок сегодня',
      dueTomorrow: 'Срок завтра',
      openList: 'Открыть список',
      none: 'Нет',
      noStaff:
        'Ваша учетная запись не связана с сотрудником, поэтому обращения вам не назначаются. Попросите администратора связать учетную запись с сотрудником.',
      printSheet: 'Печать листа задач',
      executor: 'Исполнитель',
      sheet: {
        title: 'Лист задач исполнителя',
        executor: 'Исполнитель: {{name}}',
        date: 'Дата: {{date}}',
        total: 'Обращений на рассмотрении: {{count}}',
        number: 'Номер',
        applicant: 'Заявитель',
        summary: 'Краткое содержание',
        dueOn: 'Срок',
        empty: 'Обращений на рассмотрении нет.',
        signature: 'Подпись исполнителя ____________________',
        fileName: 'лист-задач',
      },
      notification: {
        title: 'Akimat Desk: задачи на сегодня',
        body: 'Просрочено: {{overdue}}, срок сегодня: {{today}}, завтра: {{tomorrow}}',
      },
    },
  },
  en: {
    myTasks: {
      title: 'My tasks',
      overdue: 'Overdue',
      dueToday: 'Due today',
      dueTomorrow: 'Due tomorrow',
      openList: 'Open the list',
      none: 'None',
      noStaff:
        'Your account is not linked to a staff member, so no appeals are assigned to you. Ask an administrator to link the account to a staff member.',
      printSheet: 'Print task sheet',
      executor: 'Executor',
      sheet: {
        title: "Executor's task sheet",
        executor: 'Executor: {{name}}',
        date: 'Date: {{date}}',
        total: 'Appeals under consideration: {{count}}',
        number: 'Number',
        applicant: 'Applicant',
        summary: 'Summary',
        dueOn: 'Due',
        empty: 'No appeals under consideration.',
        signature: "Executor's signature ____________________",
        fileName: 'task-sheet',
      },
      notification: {
        title: "Akimat Desk: today's tasks",
        body: 'Overdue: {{overdue}}, due today: {{today}}, tomorrow: {{tomorrow}}',
      },
    },
  },
})
