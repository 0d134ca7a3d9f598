//! The time-zone choice: some 600 names are too many for one list, so the
//! canonical zones are grouped by region ("Europe", "America") and named by
//! their place ("Buenos Aires (Argentina)"). Aliases (`US/Eastern`, `CET`)
//! are left out, except the one already chosen, so that nothing falls back
//! silently to another zone.

use serde::Serialize;

const REGIONS: [&str; 9] = [
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
];

#[derive(Serialize)]
pub(super) struct ZoneChoice {
    value: &'static str,
    label: String,
}

#[derive(Serialize)]
pub(super) struct ZoneGroup {
    region: &'static str,
    zones: Vec<ZoneChoice>,
}

/// "America/Argentina/Buenos_Aires" → "Buenos Aires (Argentina)".
fn place(rest: &str) -> String {
    let words = |s: &str| s.replace('_', " ");
    match rest.rsplit_once('/') {
        Some((area, city)) => format!("{} ({})", words(city), words(area)),
        None => words(rest),
    }
}

/// UTC first, then each region's zones by place; `current` keeps its place
/// at the end when it is an alias.
pub(super) fn zone_groups(current: &str) -> Vec<ZoneGroup> {
    let mut groups: Vec<ZoneGroup> = vec![ZoneGroup {
        region: "UTC",
        zones: vec![ZoneChoice {
            value: "UTC",
            label: "UTC".into(),
        }],
    }];
    let mut listed = current == "UTC";
    for region in REGIONS {
        let mut zones: Vec<ZoneChoice> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|zone| zone.name())
            .filter_map(|name| {
                let rest = name.strip_prefix(region)?.strip_prefix('/')?;
                listed |= name == current;
                Some(ZoneChoice {
                    value: name,
                    label: place(rest),
                })
            })
            .collect();
        zones.sort_by(|a, b| a.label.cmp(&b.label));
        groups.push(ZoneGroup { region, zones });
    }
    let alias = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|zone| zone.name())
        .find(|name| *name == current);
    if let (false, Some(alias)) = (listed, alias) {
        groups.push(ZoneGroup {
            region: "Other",
            zones: vec![ZoneChoice {
                value: alias,
                label: alias.to_owned(),
            }],
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(groups: &[ZoneGroup]) -> Vec<&'static str> {
        groups
            .iter()
            .flat_map(|g| g.zones.iter().map(|z| z.value))
            .collect()
    }

    #[test]
    fn zones_are_grouped_by_region_and_named_by_place() {
        let groups = zone_groups("UTC");
        let europe = groups.iter().find(|g| g.region == "Europe").unwrap();
        assert!(europe
            .zones
            .iter()
            .any(|z| z.value == "Europe/Paris" && z.label == "Paris"));
        let america = groups.iter().find(|g| g.region == "America").unwrap();
        assert!(america
            .zones
            .iter()
            .any(|z| z.value == "America/Argentina/Buenos_Aires"
                && z.label == "Buenos Aires (Argentina)"));
        let all = values(&groups);
        assert!(!all.contains(&"US/Eastern"), "aliases are left out");
        assert!(all.len() > 300 && all.len() < 500, "{}", all.len());
    }

    #[test]
    fn a_chosen_alias_stays_listed() {
        assert!(values(&zone_groups("US/Eastern")).contains(&"US/Eastern"));
        assert!(values(&zone_groups("Europe/Prague")).contains(&"Europe/Prague"));
        let once = values(&zone_groups("Europe/Prague"));
        assert_eq!(once.iter().filter(|z| **z == "Europe/Prague").count(), 1);
    }
}
