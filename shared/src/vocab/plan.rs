//! Statuses of the activities (мероприятия) of a personalised programme.

crate::vocabulary! {
    /// Status of a plan activity.
    ActivityStatus {
        Planned = "planned" => "запланировано",
        InProgress = "in_progress" => "в работе",
        Done = "done" => "выполнено",
        Cancelled = "cancelled" => "отменено",
    }
}

impl ActivityStatus {
    /// Whether the activity still has to be done (it can become overdue).
    pub fn is_open(self) -> bool {
        matches!(self, ActivityStatus::Planned | ActivityStatus::InProgress)
    }
}

crate::vocabulary! {
    /// Horizon of a goal of the personalised programme.
    GoalTerm {
        Short = "short" => "краткосрочная",
        Long = "long" => "долгосрочная",
    }
}

crate::vocabulary! {
    /// A list of the personalised programme: what a mentor and a mentee write before the plan.
    ProgrammePart {
        Directions = "directions" => "Направления работы",
        Deficits = "deficits" => "Затруднения, дефициты",
        Strengths = "strengths" => "Сильные стороны",
        ShortGoals = "short_goals" => "Краткосрочные цели",
        LongGoals = "long_goals" => "Долгосрочные цели",
    }
}

impl ProgrammePart {
    /// The term of the goals this part lists (none for the other lists).
    pub fn goal_term(self) -> Option<GoalTerm> {
        match self {
            ProgrammePart::ShortGoals => Some(GoalTerm::Short),
            ProgrammePart::LongGoals => Some(GoalTerm::Long),
            _ => None,
        }
    }
}
