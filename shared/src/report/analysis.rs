//! The numbers of the curator's итоговый аналитический отчёт, computed from the
//! [`SchoolOverview`]: pairs by form, plan completion, monitoring entry → final,
//! satisfaction and the best pairs. Plain data: the `.docx` and the app render the same.

use serde::{Deserialize, Serialize};

use super::{PairRow, SchoolOverview, ScoreChange, Share};
use crate::vocab::{Form, PairStatus};

/// How many best pairs the report names.
pub const BEST_PAIRS: usize = 5;

/// The analysis behind the final report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Pairs that are forming, working or completed (dissolved ones are left out).
    pub pairs: u32,
    /// Of those, pairs whose document has reached the curator.
    pub pairs_with_data: u32,
    /// One row per form that has a pair.
    pub by_form: Vec<FormRow>,
    /// Pairs that have done every activity of their plan, out of pairs with a plan.
    pub plans_complete: Share,
    /// Entry → final diagnostics over the pairs that have both.
    pub monitoring: Option<MonitoringStats>,
    /// Satisfaction over the pairs that answered surveys.
    pub satisfaction: Option<SatisfactionStats>,
    /// The best pairs, best first, with why.
    pub best: Vec<BestPair>,
}

/// The pairs of one form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FormRow {
    /// The form.
    pub form: Form,
    /// Pairs of this form.
    pub pairs: u32,
    /// Activities done out of all, over the form's working and completed pairs.
    pub plan: Share,
    /// Meetings held.
    pub meetings: u32,
    /// Average entry and final scores over the pairs that have both.
    pub score: Option<ScoreChange>,
    /// Average satisfaction.
    pub satisfaction: Option<f64>,
}

/// Entry → final diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringStats {
    /// Pairs with both stages.
    pub pairs: u32,
    /// Averages over them.
    pub score: ScoreChange,
    /// Pairs whose average grew.
    pub improved: u32,
}

/// Satisfaction (1–10).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SatisfactionStats {
    /// Pairs with surveys.
    pub pairs: u32,
    /// Average of the pairs' averages.
    pub average: f64,
    /// Pairs at 8 or more.
    pub high: u32,
    /// Pairs from 5 to under 8.
    pub medium: u32,
    /// Pairs under 5.
    pub low: u32,
}

/// One of the best pairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BestPair {
    /// Pair id.
    pub pair_id: String,
    /// "Mentor → Mentee".
    pub title: String,
    /// Form.
    pub form: Form,
    /// Why it is among the best, in Russian.
    pub reasons: Vec<String>,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn average_change<'a>(rows: impl Iterator<Item = &'a PairRow> + Clone) -> Option<ScoreChange> {
    let changes = rows.filter_map(|r| r.score_change);
    Some(ScoreChange {
        entry: mean(changes.clone().map(|s| s.entry))?,
        final_score: mean(changes.map(|s| s.final_score))?,
    })
}

fn sum_shares<'a>(rows: impl Iterator<Item = &'a PairRow>) -> Share {
    rows.fold(Share { part: 0, whole: 0 }, |a, r| Share {
        part: a.part + r.plan.part,
        whole: a.whole + r.plan.whole,
    })
}

/// How a pair ranks among the best: plan completion (0–100), plus 20 per point the average
/// score grew, plus 4 per point of satisfaction above 5. Pairs without a plan don't rank.
fn merit(r: &PairRow) -> Option<f64> {
    let plan = r.plan.percent()?;
    let growth = r.score_change.map_or(0.0, |s| s.delta() * 20.0);
    let joy = r.satisfaction.map_or(0.0, |s| (s - 5.0) * 4.0);
    Some(plan + growth + joy)
}

fn reasons(r: &PairRow) -> Vec<String> {
    let mut out = vec![format!(
        "план выполнен на {} ({} из {})",
        crate::ru::percent(r.plan.percent()),
        r.plan.part,
        r.plan.whole
    )];
    if let Some(s) = r.score_change.filter(|s| s.delta() > 0.0) {
        out.push(format!(
            "средний балл вырос с {} до {}",
            crate::ru::decimal(s.entry, 1),
            crate::ru::decimal(s.final_score, 1)
        ));
    }
    if let Some(s) = r.satisfaction {
        out.push(format!("удовлетворённость {} из 10", crate::ru::decimal(s, 1)));
    }
    out.push(crate::ru::count(u64::from(r.meetings), ["встреча", "встречи", "встреч"]));
    out
}

impl Analysis {
    /// The analysis of an overview.
    pub fn of(o: &SchoolOverview) -> Analysis {
        let live: Vec<&PairRow> = o.pairs.iter().filter(|r| r.status != PairStatus::Dissolved).collect();
        // The numbers are over working and completed pairs whose documents have arrived, as
        // the overview's plan completion is.
        let with_data: Vec<&PairRow> = live
            .iter()
            .copied()
            .filter(|r| r.has_data && matches!(r.status, PairStatus::Active | PairStatus::Completed))
            .collect();
        let by_form = Form::ALL
            .iter()
            .filter_map(|&form| {
                let rows: Vec<&PairRow> = live.iter().copied().filter(|r| r.form == form).collect();
                let data = || with_data.iter().copied().filter(|r| r.form == form);
                (!rows.is_empty()).then(|| FormRow {
                    form,
                    pairs: rows.len() as u32,
                    plan: sum_shares(data()),
                    meetings: data().map(|r| r.meetings).sum(),
                    score: average_change(data()),
                    satisfaction: mean(data().filter_map(|r| r.satisfaction)),
                })
            })
            .collect();
        let planned = with_data.iter().filter(|r| r.plan.whole > 0);
        let plans_complete = Share {
            part: planned.clone().filter(|r| r.plan.part == r.plan.whole).count() as u32,
            whole: planned.count() as u32,
        };
        let scored: Vec<ScoreChange> = with_data.iter().filter_map(|r| r.score_change).collect();
        let monitoring = average_change(with_data.iter().copied()).map(|score| MonitoringStats {
            pairs: scored.len() as u32,
            score,
            improved: scored.iter().filter(|s| s.delta() > 0.0).count() as u32,
        });
        let joys: Vec<f64> = with_data.iter().filter_map(|r| r.satisfaction).collect();
        let satisfaction = mean(joys.iter().copied()).map(|average| SatisfactionStats {
            pairs: joys.len() as u32,
            average,
            high: joys.iter().filter(|&&s| s >= 8.0).count() as u32,
            medium: joys.iter().filter(|&&s| (5.0..8.0).contains(&s)).count() as u32,
            low: joys.iter().filter(|&&s| s < 5.0).count() as u32,
        });
        let mut ranked: Vec<(f64, &PairRow)> =
            with_data.iter().filter_map(|r| merit(r).map(|m| (m, *r))).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title)));
        let best = ranked
            .into_iter()
            .take(BEST_PAIRS)
            .map(|(_, r)| BestPair {
                pair_id: r.pair_id.clone(),
                title: r.title.clone(),
                form: r.form,
                reasons: reasons(r),
            })
            .collect();
        Analysis {
            pairs: live.len() as u32,
            pairs_with_data: live.iter().filter(|r| r.has_data).count() as u32,
            by_form,
            plans_complete,
            monitoring,
            satisfaction,
            best,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn row(
        id: &str,
        form: Form,
        status: PairStatus,
        plan: (u32, u32),
        change: Option<(f64, f64)>,
    ) -> PairRow {
        PairRow {
            pair_id: id.into(),
            title: format!("Наставник {id} → Наставляемый {id}"),
            form,
            status,
            has_data: true,
            plan: Share { part: plan.0, whole: plan.1 },
            overdue: plan.1 - plan.0,
            meetings: plan.0,
            last_meeting: None,
            score_change: change.map(|(entry, final_score)| ScoreChange { entry, final_score }),
            satisfaction: change.map(|(_, f)| f * 2.0),
            members: Vec::new(),
            open_requests: 0,
            last_synced: None,
        }
    }

    fn overview(pairs: Vec<PairRow>) -> SchoolOverview {
        SchoolOverview {
            school_name: "Школа".into(),
            as_of: NaiveDate::from_ymd_opt(2027, 5, 31).unwrap_or_default(),
            kpis: Vec::new(),
            pairs_by_form: Vec::new(),
            pairs_by_status: Vec::new(),
            plan: Share { part: 0, whole: 0 },
            overdue: Vec::new(),
            meetings_per_pair_month: None,
            pairs,
            upcoming_meetings: Vec::new(),
            attention: Vec::new(),
            warnings: Default::default(),
        }
    }

    #[test]
    fn sums_by_form_and_ranks_the_best_with_reasons() {
        use Form::{StudentStudent as SS, TeacherTeacher as TT};
        let dissolved = row("x", TT, PairStatus::Dissolved, (0, 10), None);
        let mut no_data = row("n", SS, PairStatus::Active, (0, 0), None);
        no_data.has_data = false;
        let a = Analysis::of(&overview(vec![
            row("a", TT, PairStatus::Active, (4, 4), Some((2.0, 4.5))),
            row("b", TT, PairStatus::Completed, (3, 6), Some((3.0, 3.0))),
            row("c", SS, PairStatus::Active, (5, 5), None),
            row("f", SS, PairStatus::Forming, (0, 4), None),
            dissolved,
            no_data,
        ]));
        assert_eq!((a.pairs, a.pairs_with_data), (5, 4), "the dissolved pair is left out");
        let tt = &a.by_form[0];
        assert_eq!((tt.form, tt.pairs, tt.plan, tt.meetings), (TT, 2, Share { part: 7, whole: 10 }, 7));
        let score = tt.score.unwrap();
        assert_eq!((score.entry, score.final_score), (2.5, 3.75));
        assert_eq!(tt.satisfaction, Some(7.5));
        let ss = &a.by_form[1];
        assert_eq!(
            (ss.form, ss.pairs, ss.plan),
            (SS, 3, Share { part: 5, whole: 5 }),
            "a forming pair's plan is not counted"
        );
        assert_eq!(a.plans_complete, Share { part: 2, whole: 3 });
        let m = a.monitoring.unwrap();
        assert_eq!((m.pairs, m.improved), (2, 1));
        let s = a.satisfaction.unwrap();
        assert_eq!((s.pairs, s.average, s.high, s.medium, s.low), (2, 7.5, 1, 1, 0));
        let best: Vec<&str> = a.best.iter().map(|b| b.pair_id.as_str()).collect();
        assert_eq!(best, ["a", "c", "b"], "a grew and is done, c is done, b is half done");
        assert_eq!(a.best[0].reasons[0], "план выполнен на 100% (4 из 4)");
        assert_eq!(a.best[0].reasons[1], "средний балл вырос с 2 до 4,5");
        assert_eq!(a.best[0].reasons[2], "удовлетворённость 9 из 10");
        assert_eq!(a.best[2].reasons[0], "план выполнен на 50% (3 из 6)");
    }
}
