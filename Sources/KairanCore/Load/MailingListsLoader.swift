/// Decodes `recipients.yaml` strictly: `lists:` with one list of `{address, name}` per audience.
public enum MailingListsLoader {
    public static func load(_ file: OperationsSourceFile, log: DiagnosticLog) -> MailingLists {
        var result = MailingLists()
        guard let root = YAMLDocument.parse(file.text, file: file.path, lineOffset: 0, log: log),
              let top = YAMLFields(root, what: "recipients.yaml", expected: ["lists"], file: file.path, lineOffset: 0, log: log) else { return result }
        let audiences = MailingLists.Audience.allCases.map(\.rawValue)
        guard let lists = top.fields("lists", expected: audiences) else {
            log.error(top.location, "recipients.yaml has no `lists:`", hint: "add `lists:` with \(audiences.joined(separator: ", ")), each a list of `- address: …` entries")
            return result
        }
        for audience in MailingLists.Audience.allCases {
            var seen: Set<String> = []
            result.lists[audience] = lists.list(audience.rawValue, expected: ["address", "name"]).compactMap { entry in
                guard let address = entry.string("address", required: true, example: "clinic-admins@lists.example.com") else { return nil }
                guard let valid = EmailAddress(address) else {
                    log.error(entry.location(of: "address"), "`address` must be an email address like list@example.com, found \"\(address)\"",
                              hint: "write the list's address only; the display name goes in `name:`")
                    return nil
                }
                guard seen.insert(address.lowercased()).inserted else {
                    log.error(entry.location(of: "address"), "list \(address) is given twice for \(audience.rawValue)", hint: "keep one")
                    return nil
                }
                return MailingLists.List(address: valid, name: entry.string("name") ?? "")
            }
        }
        return result
    }
}
