extension YAMLFields {
    /// A date and time written `2026-11-10T09:12` (Asia/Tokyo; `:00` seconds and `+09:00` allowed).
    public func dateTime(_ key: String, required: Bool = false) -> LocalDateTime? {
        let example = "2026-11-10T09:12"
        guard let (text, at) = scalar(key, kind: "a date and time", example: example) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let value = LocalDateTime(parsing: text) else {
            log.error(at, "`\(key)` must be a date and time written YYYY-MM-DDTHH:MM (Japan time), found \"\(text)\"",
                      hint: "e.g. `\(key): \(example)`; quote it if your editor adds seconds or a zone other than +09:00")
            return nil
        }
        guard JapaneseHolidays.supportedDates.contains(value.date) else {
            log.error(at, "`\(key)` \(text) is outside the dates Kairan supports, \(JapaneseHolidays.supportedDatesText)", hint: "check the year")
            return nil
        }
        return value
    }
}
