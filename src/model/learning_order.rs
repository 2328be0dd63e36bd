//! The learning order of a set of courses: every course after its prerequisites in the
//! set, and among the courses ready at once the smallest id first.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::model::framework::Framework;
use crate::model::order;

impl Framework {
    /// Sorts `items`, each naming a distinct course, into the learning order of their
    /// courses: every course after its prerequisites among them, and among the courses
    /// whose prerequisites there are placed, the smallest id first.
    ///
    /// The catalogue's own order (`course_rank`) is that order for a set holding every
    /// prerequisite of its courses. A set missing some (prerequisites the officer
    /// completed) is ordered on its own: in the catalogue's order a course after a
    /// completed prerequisite would wait for that prerequisite's place, behind courses
    /// of larger ids that it does not depend on.
    ///
    /// # Complexity
    /// O((m + e) log m) for m courses with e direct prerequisites in all.
    pub(crate) fn learning_order_by<T>(&self, items: &mut [T], course: impl Fn(&T) -> u32) {
        let rank = |c: u32| self.course_rank[c as usize];
        order::sort_by_key(items, |t| rank(course(t)));
        // Whether the set holds every prerequisite of its courses, found by rank in the
        // sorted items without a copy: the common case, and the order is then final.
        let held = |p: u32| (items.binary_search_by_key(&rank(p), |t| rank(course(t)))).is_ok();
        let closed =
            (items.iter()).all(|t| (self.direct_prerequisites(course(t)).iter()).all(|&p| held(p)));
        if closed {
            return;
        }
        let mut members: Vec<u32> = items.iter().map(&course).collect();
        order::sort_unstable(&mut members);
        let local = |c: u32| members.binary_search(&c).ok();
        // Kahn's algorithm on the set alone: (prerequisite, dependant) pairs by local index,
        // grouped by prerequisite; course indices follow ids, so local ones do too.
        let m = members.len();
        let mut waiting = vec![0u32; m];
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (i, &c) in members.iter().enumerate() {
            for &p in self.direct_prerequisites(c) {
                if let Some(j) = local(p) {
                    waiting[i] += 1;
                    pairs.push((j as u32, i as u32));
                }
            }
        }
        order::sort_unstable(&mut pairs);
        let mut start = vec![0usize; m + 1];
        for &(j, _) in &pairs {
            start[j as usize + 1] += 1;
        }
        for j in 0..m {
            start[j + 1] += start[j];
        }
        let mut ready: BinaryHeap<Reverse<u32>> = (0..m as u32)
            .filter(|&i| waiting[i as usize] == 0)
            .map(Reverse)
            .collect();
        let mut place = vec![0u32; m];
        let mut next = 0u32;
        while let Some(Reverse(i)) = ready.pop() {
            place[i as usize] = next;
            next += 1;
            for &(_, d) in &pairs[start[i as usize]..start[i as usize + 1]] {
                let w = &mut waiting[d as usize];
                *w -= 1;
                if *w == 0 {
                    ready.push(Reverse(d));
                }
            }
        }
        order::sort_by_key(items, |t| local(course(t)).map_or(u32::MAX, |i| place[i]));
    }
}

#[cfg(test)]
mod tests {
    use crate::{CourseSpec, Framework, FrameworkSpec, Mode};

    fn framework(courses: &[(&str, &[&str])]) -> Framework {
        let mut spec = FrameworkSpec::new();
        for &(id, prerequisites) in courses {
            spec.courses.push(CourseSpec {
                id: id.into(),
                name: id.to_owned(),
                hours: 1.0,
                mode: Mode::Formal,
                provides: vec![],
                prerequisites: prerequisites.iter().map(|&p| p.into()).collect(),
                provider: None,
                language: None,
            });
        }
        Framework::new(spec).expect("a valid framework")
    }

    fn ordered(fw: &Framework, ids: &[&str]) -> Vec<String> {
        let mut items: Vec<u32> = ids
            .iter()
            .map(|id| fw.courses.get(id).expect("a course"))
            .collect();
        fw.learning_order_by(&mut items, |&c| c);
        items.iter().map(|&c| fw.course_id(c).to_string()).collect()
    }

    #[test]
    fn a_course_after_a_completed_prerequisite_is_ordered_by_its_id() {
        // m requires z; without z, m is ready from the start and comes before p.
        let fw = framework(&[("m", &["z"]), ("p", &[]), ("z", &[])]);
        assert_eq!(ordered(&fw, &["p", "m"]), ["m", "p"]);
        assert_eq!(ordered(&fw, &["p", "m", "z"]), ["p", "z", "m"]);
        // A chain through a completed course keeps the prerequisites in the set first.
        let fw = framework(&[("a", &["k"]), ("k", &["x"]), ("x", &[]), ("b", &[])]);
        assert_eq!(ordered(&fw, &["x", "a", "b"]), ["a", "b", "x"]);
        assert_eq!(ordered(&fw, &["x", "k", "a", "b"]), ["b", "x", "k", "a"]);
    }
}
