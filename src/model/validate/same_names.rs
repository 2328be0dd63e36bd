//! Level names of one competency that read as one: a level written by such a name could
//! be either, so the framework refuses them ([`Error::SameLevelNames`]).

use crate::Error;
use crate::model::level_name;
use crate::model::quote::is_blank;
use crate::model::spec::CompetencySpec;

/// Refuses two level names of `c` that read as one ([`level_name::name_key`]): a level
/// written by that name could be either. Each name is paired with the next level of the
/// same reading; the errors come in level order. O(levels log levels).
pub(super) fn same_level_names(c: &CompetencySpec, errors: &mut Vec<Error>) {
    let mut keyed: Vec<(String, u8, &str)> = (c.levels.iter())
        .filter_map(|d| {
            let name = d.name.as_deref().filter(|n| !is_blank(n))?;
            Some((level_name::name_key(name), d.level, name))
        })
        .collect();
    crate::model::order::sort_by(&mut keyed, |a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut same = Vec::new();
    for pair in keyed.windows(2) {
        let [(key, level, name), (other_key, other_level, other_name)] = pair else {
            continue;
        };
        if key == other_key && level != other_level {
            same.push(Error::SameLevelNames {
                competency: c.id.to_string(),
                levels: [*level, *other_level],
                names: [(*name).to_owned(), (*other_name).to_owned()],
            });
        }
    }
    // Reported by level.
    crate::model::order::sort_by_key(&mut same, |e| match e {
        Error::SameLevelNames { levels, .. } => levels[0],
        _ => 0,
    });
    errors.extend(same);
}
