//! The plan: the phases a pipeline compiles into, their units of work, and
//! how the units of a phase are shared among the tasks of a job array.
//!
//! A *unit* is what one completion marker covers: an input file (per-input
//! phases), a dedup section (candidates), or the whole phase (the global
//! steps). Units, not tasks, determine the files a phase writes, so the
//! output does not depend on how many tasks ran it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::config::PipelineConfig;
use crate::stages::StageConfig;

/// One phase of a plan, in execution order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// `line_dedup`: each input's distinct line hashes (one unit per input).
    Lines,
    /// `line_dedup`: the lines found in too many documents (one unit).
    FrequentLines,
    /// `exact_dedup`/`minhash_dedup`: each input's hashes and band keys.
    Signatures,
    /// Duplicate candidates, one unit per section (band, or the exact hashes).
    Candidates,
    /// Clusters and the per-input removal lists (one unit).
    Clusters,
    /// Every stage, and the shards of each input (one unit per input).
    Write,
    /// Merges the per-input records into `manifest.json` and `stats.json`.
    Finish,
}

/// How the units of a phase are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    /// One per input file.
    Inputs,
    /// One per dedup section.
    Sections,
    /// The phase is one unit of work.
    One,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 7] = [
        Phase::Lines,
        Phase::FrequentLines,
        Phase::Signatures,
        Phase::Candidates,
        Phase::Clusters,
        Phase::Write,
        Phase::Finish,
    ];

    /// The name used on the command line, in scripts and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Lines => "lines",
            Phase::FrequentLines => "frequent-lines",
            Phase::Signatures => "signatures",
            Phase::Candidates => "candidates",
            Phase::Clusters => "clusters",
            Phase::Write => "write",
            Phase::Finish => "finish",
        }
    }

    /// What its units are.
    pub fn units(self) -> Units {
        match self {
            Phase::Lines | Phase::Signatures | Phase::Write => Units::Inputs,
            Phase::Candidates => Units::Sections,
            Phase::FrequentLines | Phase::Clusters | Phase::Finish => Units::One,
        }
    }

    /// True when the phase can use more than one task.
    pub fn parallel(self) -> bool {
        self.units() != Units::One
    }

    /// The phases of a pipeline, in order.
    pub fn of(cfg: &PipelineConfig) -> Vec<Phase> {
        let has = |f: fn(&StageConfig) -> bool| cfg.stages.iter().any(f);
        let lines = has(|s| matches!(s, StageConfig::LineDedup(_)));
        let dedup = has(|s| matches!(s, StageConfig::ExactDedup(_) | StageConfig::MinhashDedup(_)));
        Phase::ALL
            .into_iter()
            .filter(|p| match p {
                Phase::Lines | Phase::FrequentLines => lines,
                Phase::Signatures | Phase::Candidates | Phase::Clusters => dedup,
                Phase::Write | Phase::Finish => true,
            })
            .collect()
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Phase {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Phase::ALL.into_iter().find(|p| p.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Phase::ALL.iter().map(|p| p.name()).collect();
            format!("unknown phase `{s}`; the phases are {}", names.join(", "))
        })
    }
}

/// One task of a job array: `index` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TaskSel {
    /// 0-based index.
    pub index: usize,
    /// Number of tasks sharing the phase.
    pub count: usize,
}

impl TaskSel {
    /// The whole phase in one task.
    pub const ALL: TaskSel = TaskSel { index: 0, count: 1 };

    /// The task from the flags, else from the environment of a Slurm job
    /// array (`SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT`) or a
    /// Kubernetes Indexed Job (`JOB_COMPLETION_INDEX`, with the count from
    /// the flag). `None` when neither says anything.
    ///
    /// The generated Slurm scripts always pass `--task-count`: a
    /// resubmitted array of only the unfinished indices (`--array=1,5`)
    /// has a `SLURM_ARRAY_TASK_COUNT` of 2, not the run's task count.
    ///
    /// # Errors
    /// An index without a count, an index not below the count, a count of
    /// 0, or an environment variable that is not a number (named).
    pub fn resolve(
        index: Option<usize>,
        count: Option<usize>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<TaskSel>, String> {
        let num = |name: &str| -> Result<Option<usize>, String> {
            match env(name) {
                None => Ok(None),
                Some(v) => v.trim().parse().map(Some).map_err(|_| format!("{name}={v:?} is not a task number")),
            }
        };
        let (index, count) = match (index, count) {
            (Some(i), c) => (i, c.or(num("SLURM_ARRAY_TASK_COUNT")?)),
            (None, c) => match (num("SLURM_ARRAY_TASK_ID")?, num("JOB_COMPLETION_INDEX")?) {
                (Some(i), _) => (i, c.or(num("SLURM_ARRAY_TASK_COUNT")?)),
                (None, Some(i)) => (i, c),
                (None, None) if c.is_some() => (0, c),
                (None, None) => return Ok(None),
            },
        };
        let Some(count) = count else {
            return Err(format!("task index {index} given without a task count (--task-count)"));
        };
        if count == 0 {
            return Err("the task count must be at least 1".into());
        }
        if index >= count {
            return Err(format!("task index {index} is not below the task count {count}"));
        }
        Ok(Some(TaskSel { index, count }))
    }

    /// The units of a phase this task does, given each unit's size: units
    /// are dealt largest first to the task with the least work so far (ties
    /// to the lower task), so the share is deterministic and balanced by
    /// bytes. Returned largest first.
    pub fn share(self, sizes: &[u64]) -> Vec<usize> {
        if self.count == 1 {
            let mut all: Vec<usize> = (0..sizes.len()).collect();
            all.sort_by_key(|&u| (std::cmp::Reverse(sizes[u]), u));
            return all;
        }
        let mut order: Vec<usize> = (0..sizes.len()).collect();
        order.sort_by_key(|&u| (std::cmp::Reverse(sizes[u]), u));
        // Min-heap of (load, task).
        let mut heap: std::collections::BinaryHeap<std::cmp::Reverse<(u64, usize)>> =
            (0..self.count).map(|t| std::cmp::Reverse((0, t))).collect();
        let mut mine = Vec::new();
        for u in order {
            let std::cmp::Reverse((load, t)) = heap.pop().expect("count >= 1");
            if t == self.index {
                mine.push(u);
            }
            // Empty units still count, so that many empty files spread out.
            heap.push(std::cmp::Reverse((load + sizes[u].max(1), t)));
        }
        mine
    }

    /// The task that does unit `unit` (see [`TaskSel::share`]).
    pub fn owner(count: usize, sizes: &[u64], unit: usize) -> usize {
        (0..count).find(|&index| TaskSel { index, count }.share(sizes).contains(&unit)).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        let m: HashMap<&str, &str> = vars.iter().copied().collect();
        move |k| m.get(k).map(|v| v.to_string())
    }

    #[test]
    fn flags_win_then_slurm_then_kubernetes() {
        let slurm = [("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4")];
        assert_eq!(TaskSel::resolve(None, None, env(&[])), Ok(None));
        assert_eq!(TaskSel::resolve(None, None, env(&slurm)), Ok(Some(TaskSel { index: 2, count: 4 })));
        // A resubmitted array has a smaller SLURM_ARRAY_TASK_COUNT: the flag wins.
        assert_eq!(TaskSel::resolve(None, Some(7), env(&slurm)), Ok(Some(TaskSel { index: 2, count: 7 })));
        assert_eq!(TaskSel::resolve(Some(0), Some(3), env(&slurm)), Ok(Some(TaskSel { index: 0, count: 3 })));
        let k8s = [("JOB_COMPLETION_INDEX", "5")];
        assert_eq!(TaskSel::resolve(None, Some(6), env(&k8s)), Ok(Some(TaskSel { index: 5, count: 6 })));
        assert_eq!(
            TaskSel::resolve(None, None, env(&k8s)),
            Err("task index 5 given without a task count (--task-count)".into())
        );
        assert_eq!(
            TaskSel::resolve(Some(3), Some(3), env(&[])),
            Err("task index 3 is not below the task count 3".into())
        );
        assert_eq!(
            TaskSel::resolve(None, None, env(&[("SLURM_ARRAY_TASK_ID", "x")])),
            Err("SLURM_ARRAY_TASK_ID=\"x\" is not a task number".into())
        );
        assert_eq!(TaskSel::resolve(None, Some(1), env(&[])), Ok(Some(TaskSel::ALL)));
    }

    #[test]
    fn shares_partition_the_units_and_balance_bytes() {
        let sizes = [100, 5, 70, 30, 30, 0, 0, 1];
        for count in 1..=9 {
            let mut seen: Vec<usize> = (0..count).flat_map(|index| TaskSel { index, count }.share(&sizes)).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..sizes.len()).collect::<Vec<_>>(), "count {count}");
        }
        // Largest first to the least loaded: {100}, {70}, {30, 30, 5, 1, 0, 0}.
        let three: Vec<Vec<usize>> = (0..3).map(|index| TaskSel { index, count: 3 }.share(&sizes)).collect();
        assert_eq!(three, vec![vec![0], vec![2], vec![3, 4, 1, 7, 5, 6]]);
        assert_eq!(TaskSel::owner(3, &sizes, 4), 2);
    }

    #[test]
    fn phase_names_round_trip() {
        for p in Phase::ALL {
            assert_eq!(p.name().parse::<Phase>(), Ok(p));
        }
        assert!("dedup".parse::<Phase>().unwrap_err().contains("the phases are lines, frequent-lines"));
    }
}
