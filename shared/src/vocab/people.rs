//! Who takes part: categories of people, roles in a pair, who gives consent.

crate::vocabulary! {
    /// Category of a person in the school's bank (база наставников / наставляемых).
    PersonCategory {
        Teacher = "teacher" => "педагог",
        Student = "student" => "обучающийся",
        Parent = "parent" => "родитель",
        Graduate = "graduate" => "выпускник",
        Employer = "employer" => "представитель работодателя",
        Other = "other" => "другое",
    }
}

crate::vocabulary! {
    /// A member's role inside a pair or group.
    MemberRole {
        Mentor = "mentor" => "наставник",
        Mentee = "mentee" => "наставляемый",
    }
}

crate::vocabulary! {
    /// Who signed the consent to personal-data processing (согласие на обработку персональных данных).
    ConsentGiver {
        /// The adult participant themself.
        Participant = "participant" => "участник лично",
        /// A parent or legal representative of a minor.
        Parent = "parent" => "родитель (законный представитель)",
    }
}
