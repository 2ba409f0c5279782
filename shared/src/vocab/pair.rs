//! Forms, kinds and statuses of mentoring pairs and groups.

crate::vocabulary! {
    /// Form of mentoring (форма наставничества).
    Form {
        TeacherTeacher = "teacher_teacher" => "педагог – педагог",
        HeadTeacher = "head_teacher" => "руководитель ОО – педагог",
        TeacherStudent = "teacher_student" => "учитель – ученик",
        StudentStudent = "student_student" => "ученик – ученик",
        EmployerStudent = "employer_student" => "работодатель – ученик",
        UniversityStudentStudent = "university_student_student" => "студент – ученик",
        Other = "other" => "другая форма",
    }
}

crate::vocabulary! {
    /// Kind of mentoring (вид наставничества).
    Kind {
        Traditional = "traditional" => "традиционное (один на один)",
        Group = "group" => "групповое",
        Virtual = "virtual" => "виртуальное (дистанционное)",
        ShortTerm = "short_term" => "краткосрочное (целеполагающее)",
        Reverse = "reverse" => "реверсивное",
        Situational = "situational" => "ситуационное",
        Speed = "speed" => "скоростное",
    }
}

crate::vocabulary! {
    /// Status of a pair or group in the school's index.
    PairStatus {
        Forming = "forming" => "формируется",
        Active = "active" => "работает",
        Completed = "completed" => "завершена",
        Dissolved = "dissolved" => "расформирована",
    }
}

/// Role models (ролевые модели) the seeds name for a form; the curator may type another one.
pub fn role_models(form: Form) -> &'static [&'static str] {
    match form {
        Form::TeacherTeacher => &[
            "опытный педагог – молодой специалист",
            "лидер – педагог с трудностями в коммуникации",
            "педагог-новатор – консервативный педагог",
            "опытный предметник – неопытный предметник",
        ],
        Form::HeadTeacher => &["руководитель ОО – педагог"],
        Form::TeacherStudent => &["педагог – обучающийся"],
        Form::StudentStudent => &["успевающий – неуспевающий", "лидер – пассивный", "равный – равному"],
        Form::EmployerStudent => &[
            "активный профессионал – равнодушный потребитель",
            "коллега – молодой коллега",
            "работодатель – будущий сотрудник",
        ],
        Form::UniversityStudentStudent => &["студент – обучающийся"],
        Form::Other => &[],
    }
}

crate::vocabulary! {
    /// The parts of a pair a change in its history belongs to (the filter of «История»).
    HistoryPart {
        Programme = "programme" => "программа",
        Plan = "plan" => "план",
        Journal = "journal" => "журнал встреч",
        Results = "results" => "мониторинг и итоги",
        Pair = "pair" => "пара и доступ",
    }
}
