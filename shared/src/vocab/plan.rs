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
