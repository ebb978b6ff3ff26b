import { defineSection } from '../section'

/** One person under two spellings: the card's possible duplicates, the merge and its refusals. */
export const applicantMerge = defineSection({
  kk: {
    applicantMerge: {
      errors: {
        tooFew: 'Біріктіру үшін кемінде екі өтініш таңдаңыз',
        twice: 'Өтініш екі рет көрсетілген',
        notAmong: 'Сақталатын жазба біріктірілетін өтініштердің арасында болуы керек',
        otherKind: 'Тек бір түрдегі өтініш берушілер біріктіріледі (жеке тұлға немесе ұйым)',
        idNumberDropped: 'ЖСН/БСН бар жазбаны таңдаңыз: біріктіру жазылған ЖСН/БСН-ды өшірмейді',
        unrelated: 'Бұл өтініш басқаларымен аты-жөні де, ЖСН/БСН-ы да сәйкес келмейді',
      },
      ui: {
        open: 'Ықтимал қайталанулар: {{count}}',
        title: 'Бір адам, әртүрлі жазылу',
        hint: 'Бір ЖСН/БСН басқа аты-жөнімен немесе бір аты-жөні басқа ЖСН/БСН-мен (немесе онсыз) жазылған өтініштер. Қай жазылуды сақтайтынын таңдаңыз: белгіленген жазылулардың барлық өтініштері соны алады. Телефон мен мекенжай әр өтініштің өзінде қалады.',
        spelling: 'Жазылуы',
        idNumber: 'ЖСН/БСН',
        appeals: 'Өтініштер',
        include: 'Сол адам',
        keepName: 'Осы аты-жөнін сақтау',
        keepIdNumber: 'Осы ЖСН/БСН-ды сақтау',
        noIdNumber: 'жоқ',
        match: {
          self: 'осы өтініш',
          idNumber: 'сол ЖСН/БСН',
          name: 'сол аты-жөні',
        },
        result: 'Біріктірілгеннен кейін: {{name}}, ЖСН/БСН {{idNumber}}, {{count}} өтініш',
        merge: 'Біріктіру',
        merged: 'Біріктірілді: {{count}} өтініш өзгерді',
        nothing: 'Өзгеретін ештеңе жоқ: өтініштер бірдей жазылған',
      },
    },
  },
  ru: {
    applicantMerge: {
      errors: {
        tooFew: 'Для объединения выберите не меньше двух обращений',
        twice: 'Обращение указано дважды',
        notAmong: 'Сохраняемая запись должна быть среди объединяемых обращений',
        otherKind: 'Объединяются только заявители одного вида (физическое лицо или организация)',
        idNumberDropped: 'Выберите запись с ИИН/БИН: объединение не стирает записанный ИИН/БИН',
        unrelated: 'У этого обращения ни имя, ни ИИН/БИН не совпадают с остальными',
      },
      ui: {
        open: 'Возможные дубликаты: {{count}}',
        title: 'Один человек, разные написания',
        hint: 'Обращения с тем же ИИН/БИН под другим именем или с тем же именем под другим ИИН/БИН (или без него). Выберите, какое написание сохранить: его получат все обращения отмеченных написаний. Телефон и адрес остаются у каждого обращения свои.',
        spelling: 'Написание',
        idNumber: 'ИИН/БИН',
        appeals: 'Обращения',
        include: 'Тот же человек',
        keepName: 'Сохранить это имя',
        keepIdNumber: 'Сохранить этот ИИН/БИН',
        noIdNumber: 'нет',
        match: {
          self: 'это обращение',
          idNumber: 'тот же ИИН/БИН',
          name: 'то же имя',
        },
        result: 'После объединения: {{name}}, ИИН/БИН {{idNumber}}, обращений: {{count}}',
        merge: 'Объединить',
        merged: 'Объединено: изменено обращений: {{count}}',
        nothing: 'Менять нечего: обращения записаны одинаково',
      },
    },
  },
  en: {
    applicantMerge: {
      errors: {
        tooFew: 'Choose at least two appeals to merge',
        twice: 'The appeal is named twice',
        notAmong: 'The record kept must be one of the appeals merged',
        otherKind: 'Only applicants of one kind are merged (a person or an organisation)',
        idNumberDropped: 'Choose a record with an IIN/BIN: a merge does not erase an IIN/BIN on record',
        unrelated: 'Neither the name nor the IIN/BIN of this appeal matches the others',
      },
      ui: {
        open: 'Possible duplicates: {{count}}',
        title: 'One person, different spellings',
        hint: 'Appeals with the same IIN/BIN under another name, or the same name with another IIN/BIN or none. Choose the spelling to keep: every appeal of the ticked spellings gets it. Phone and address stay each appeal’s own.',
        spelling: 'Spelling',
        idNumber: 'IIN/BIN',
        appeals: 'Appeals',
        include: 'Same person',
        keepName: 'Keep this name',
        keepIdNumber: 'Keep this IIN/BIN',
        noIdNumber: 'none',
        match: {
          self: 'this appeal',
          idNumber: 'same IIN/BIN',
          name: 'same name',
        },
        result: 'After the merge: {{name}}, IIN/BIN {{idNumber}}, {{count}} appeals',
        merge: 'Merge',
        merged: 'Merged: {{count}} appeals changed',
        nothing: 'Nothing to change: the appeals are spelled alike',
      },
    },
  },
})
