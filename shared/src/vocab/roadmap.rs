//! The roadmap (дорожная карта): its seven stages and statuses.

crate::vocabulary! {
    /// The seven stages of the roadmap of the target model (seeds 000 and 001).
    RoadmapStage {
        Launch = "launch" => "Подготовка условий для запуска программы наставничества",
        MenteeBank = "mentee_bank" => "Формирование базы наставляемых",
        MentorBank = "mentor_bank" => "Формирование базы наставников",
        MentorTraining = "mentor_training" => "Отбор и обучение наставников",
        PairForming = "pair_forming" => "Формирование наставнических пар или групп",
        PairWork = "pair_work" => "Организация работы наставнических пар или групп",
        Completion = "completion" => "Завершение наставничества",
    }
}

impl RoadmapStage {
    /// The stage's number, 1 to 7.
    pub fn number(self) -> u8 {
        match self {
            RoadmapStage::Launch => 1,
            RoadmapStage::MenteeBank => 2,
            RoadmapStage::MentorBank => 3,
            RoadmapStage::MentorTraining => 4,
            RoadmapStage::PairForming => 5,
            RoadmapStage::PairWork => 6,
            RoadmapStage::Completion => 7,
        }
    }
}

crate::vocabulary! {
    /// Status of a roadmap activity.
    RoadmapStatus {
        Planned = "planned" => "запланировано",
        InProgress = "in_progress" => "выполняется",
        Done = "done" => "выполнено",
    }
}
