//! The world regions of the UN's M49 standard, so that coverage can say
//! which parts of the world a roundtable has not heard from yet.

use super::affiliation::Country;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Africa,
    Americas,
    Asia,
    Europe,
    Oceania,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Africa,
        Region::Americas,
        Region::Asia,
        Region::Europe,
        Region::Oceania,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Region::Africa => "africa",
            Region::Americas => "americas",
            Region::Asia => "asia",
            Region::Europe => "europe",
            Region::Oceania => "oceania",
        }
    }

    /// The M49 numeric code (002 Africa, 019 Americas, 142 Asia, 150
    /// Europe, 009 Oceania).
    pub fn m49(self) -> &'static str {
        match self {
            Region::Africa => "002",
            Region::Americas => "019",
            Region::Asia => "142",
            Region::Europe => "150",
            Region::Oceania => "009",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The region of a country; None for Antarctica, which M49 places in
    /// no region.
    pub fn of(country: Country) -> Option<Region> {
        Region::of_code(country.code())
    }

    /// The region of an ISO 3166 alpha-2 code, as stored on comments.
    pub fn of_code(alpha2: &str) -> Option<Region> {
        let code = alpha2.to_ascii_uppercase();
        MEMBERS
            .iter()
            .find(|(_, members)| members.split(' ').any(|m| m == code))
            .map(|(region, _)| *region)
    }
}

// M49 "Geographic Regions", with Taiwan in Eastern Asia and Kosovo (not in
// ISO 3166) absent.
const MEMBERS: [(Region, &str); 5] = [
    (
        Region::Africa,
        "DZ EG LY MA SD TN EH IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW \
         AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    ),
    (
        Region::Americas,
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI \
         BZ CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE BM CA GL PM US",
    ),
    (
        Region::Asia,
        "KZ KG TJ TM UZ CN HK MO KP JP MN KR TW BN KH ID LA MY MM PH SG TH TL VN \
         AF BD BT IN IR MV NP PK LK AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    ),
    (
        Region::Europe,
        "BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB \
         AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES AT BE FR DE LI LU MC NL CH",
    ),
    (
        Region::Oceania,
        "AU NZ NF HM CX CC FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_but_antarctica_has_exactly_one_region() {
        for country in Country::all_by_name() {
            let regions: Vec<Region> = MEMBERS
                .iter()
                .filter(|(_, m)| m.split(' ').any(|c| c == country.code()))
                .map(|(r, _)| *r)
                .collect();
            if country.code() == "AQ" {
                assert!(regions.is_empty());
            } else {
                assert_eq!(regions.len(), 1, "{} ({})", country.name(), country.code());
            }
        }
    }

    #[test]
    fn known_countries_land_where_m49_puts_them() {
        assert_eq!(Region::of_code("ke"), Some(Region::Africa));
        assert_eq!(Region::of_code("MX"), Some(Region::Americas));
        assert_eq!(Region::of_code("TR"), Some(Region::Asia));
        assert_eq!(Region::of_code("RU"), Some(Region::Europe));
        assert_eq!(Region::of_code("FJ"), Some(Region::Oceania));
        assert_eq!(Region::of_code("AQ"), None);
        assert_eq!(Region::of_code("XX"), None);
    }
}
