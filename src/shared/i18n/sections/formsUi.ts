import { defineSection } from '../section'

/**
 * What every form says the same way: the question before typed work is dropped, why a typed
 * date was refused, and the keyboard shortcuts (the header's help and the forms' hints). Keys
 * live under `formsUi.`.
 */
export const formsUi = defineSection({
  kk: {
    formsUi: {
      unsaved: {
        title: 'Сақталмаған өзгерістер бар',
        text: 'Терілген мәліметтер жоғалады. Жабу керек пе?',
        discard: 'Жабу, сақтамау',
        keep: 'Толтыруды жалғастыру',
      },
      date: {
        format: 'Күн {{example}} түрінде терілуі керек',
        notADate: '«{{text}}» — мұндай күн жоқ',
        outOfRange: '{{text}} бұл жерде рұқсат етілмеген күн (шектеулерді өрістің астынан қараңыз)',
      },
      shortcuts: {
        button: 'Пернетақта',
        title: 'Пернелер тіркесімдері',
        newAppeal: 'жаңа өтініш (кез келген беттен)',
        newAppealCtrlN: 'Ctrl+N браузерде жаңа терезе ашады: мұнда F2 немесе Alt+N басыңыз',
        save: 'нысанды немесе кестені сақтау (мәтін өрісінде де)',
        enter: 'бір жолды өрісте сақтау; тізімде немесе күнде — тек таңдау',
        tab: 'келесі өріс (тазарту батырмалары өткізіледі)',
        escape: 'терезені жабу (өзгерістер болса, алдымен сұрайды)',
        returning: 'ЖСН, тегі немесе БСН өрісінен «Бұрын өтініш бергендер» тізіміне өту, Enter — деректерін толтыру',
      },
      newAppealHint: 'Жаңа өтініш: F2 немесе Alt+N',
      closeNotice: 'Хабарламаны жабу',
      returningKeys: '↓ — ЖСН өрісінен осы тізімге, Enter — толтыру',
    },
  },
  ru: {
    formsUi: {
      unsaved: {
        title: 'Есть несохраненные изменения',
        text: 'Введенные данные будут потеряны. Закрыть?',
        discard: 'Закрыть без сохранения',
        keep: 'Продолжить заполнение',
      },
      date: {
        format: 'Дата вводится в виде {{example}}',
        notADate: '«{{text}}» — такой даты нет',
        outOfRange: '{{text}} — здесь эта дата недопустима (границы указаны под полем)',
      },
      shortcuts: {
        button: 'Клавиатура',
        title: 'Сочетания клавиш',
        newAppeal: 'новое обращение (с любой страницы)',
        newAppealCtrlN: 'Ctrl+N в браузере открывает новое окно: здесь нажимайте F2 или Alt+N',
        save: 'сохранить форму или таблицу (и из текстового поля)',
        enter: 'в однострочном поле — сохранить; в списке или дате — только выбрать',
        tab: 'следующее поле (кнопки очистки пропускаются)',
        escape: 'закрыть окно (если есть изменения, сначала спросит)',
        returning: 'из поля ИИН, фамилии или БИН — к списку «Обращались ранее», Enter — заполнить данные',
      },
      newAppealHint: 'Новое обращение: F2 или Alt+N',
      closeNotice: 'Закрыть сообщение',
      returningKeys: '↓ — из поля ИИН к этому списку, Enter — заполнить',
    },
  },
  en: {
    formsUi: {
      unsaved: {
        title: 'There are unsaved changes',
        text: 'What was typed will be lost. Close anyway?',
        discard: 'Close without saving',
        keep: 'Keep editing',
      },
      date: {
        format: 'Type the date as {{example}}',
        notADate: '“{{text}}” is not a date',
        outOfRange: '{{text}} is not allowed here (the limits are under the field)',
      },
      shortcuts: {
        button: 'Keyboard',
        title: 'Keyboard shortcuts',
        newAppeal: 'new appeal (from any page)',
        newAppealCtrlN: 'In a browser Ctrl+N opens a new window: press F2 or Alt+N here',
        save: 'save the form or the grid (from a text box too)',
        enter: 'saves in a one-line field; in a list or a date it only picks',
        tab: 'next field (clear buttons are skipped)',
        escape: 'close the dialog (asks first when something changed)',
        returning: 'from the IIN, surname or BIN field to “Returning applicants”, Enter fills the details in',
      },
      newAppealHint: 'New appeal: F2 or Alt+N',
      closeNotice: 'Close the notice',
      returningKeys: '↓ from the IIN field to this list, Enter fills in',
    },
  },
})
