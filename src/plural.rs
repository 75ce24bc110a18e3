//! plural: the form of a Polish noun after a number, for messages ("1 bajt", "3 bajty",
//! "5 bajtów", "22 lata", "12 lat").

/// The form of a noun after the whole number `n`, from its three forms: `[one, few, many]`
/// ("rok", "lata", "lat"). Few is for numbers ending in 2–4 but not 12–14; many for the rest
/// but 1.
pub fn form(n: u64, [one, few, many]: [&str; 3]) -> &str {
    match (n, n % 10, n % 100) {
        (1, ..) => one,
        (_, 2..=4, tens) if !(12..=14).contains(&tens) => few,
        _ => many,
    }
}

/// `n` and the form of "bajt" after it: "1 bajt", "2 bajty", "1024 bajty", "5 bajtów".
pub fn bytes(n: u64) -> String {
    format!("{n} {}", form(n, ["bajt", "bajty", "bajtów"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_follow_the_last_digits() {
        let years = |n| form(n, ["rok", "lata", "lat"]);
        assert_eq!(
            [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 102, 112].map(years),
            [
                "lat", "rok", "lata", "lata", "lat", "lat", "lat", "lat", "lat", "lata", "lat",
                "lata", "lat"
            ]
        );
        assert_eq!(bytes(1_073_741_824), "1073741824 bajty");
        assert_eq!(bytes(1), "1 bajt");
    }
}
