//! Meetings of a pair: their types (in the order of the seeds) and formats.

crate::vocabulary! {
    /// Type of a meeting, in the order the programme runs them.
    MeetingType {
        Organisational = "organisational" => "организационная",
        Trial = "trial" => "пробная рабочая",
        Planning = "planning" => "встреча-планирование",
        Regular = "regular" => "регулярная",
        Final = "final" => "заключительная",
    }
}

crate::vocabulary! {
    /// Whether the meeting was held in person or remotely.
    MeetingFormat {
        InPerson = "in_person" => "очно",
        Remote = "remote" => "дистанционно",
    }
}

crate::vocabulary! {
    /// The texts of a meeting the pair types into together.
    MeetingText {
        Notes = "notes" => "Заметки встречи",
        AgreedTasks = "agreed_tasks" => "Договорённости и задачи",
        Reflection = "reflection" => "Рефлексия наставляемого",
    }
}
