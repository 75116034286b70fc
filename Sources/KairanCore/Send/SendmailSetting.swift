/// `mail.sendmail` from `site.yaml`: the command `kairan send` delivers through.
///
/// TODO(lead): use SiteConfig.mail — SiteConfig has no `mail` field on this branch, so this reads
/// the one key itself (the sender comes from each outbox message, not from here).
public enum SendmailSetting {
    /// The command named in site.yaml, or ``SendmailDelivery/defaultCommand``; nil after logging
    /// an error (no site.yaml, bad YAML, a `mail.sendmail` that is not one line of text).
    public static func read(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> String? {
        let file = "site.yaml"
        guard let text = SourceText.read(file, siteDirectory: siteDirectory, fileSystem: fileSystem, limit: SiteLimits.defaultMaxFileSize, log: log)
        else { return nil }
        let before = log.items.count
        guard let root = YAMLDocument.parse(text, file: file, lineOffset: 0, log: log) else {
            return log.hasErrors(since: before) ? nil : SendmailDelivery.defaultCommand
        }
        guard case .mapping(let mapping) = root,
              let mail = mapping.first(where: { $0.key.string == "mail" })?.value else { return SendmailDelivery.defaultCommand }
        guard let fields = YAMLFields(mail, what: "`mail`", expected: ["from", "reply_to", "list_unsubscribe", "sendmail"],
                                      file: file, lineOffset: 0, log: log),
              !log.hasErrors(since: before) else { return nil }
        let command = fields.string("sendmail", example: "/usr/bin/msmtp --read-envelope-from")
        if log.hasErrors(since: before) { return nil }
        guard let command else { return SendmailDelivery.defaultCommand }
        guard SendmailDelivery(command: command) != nil else {
            log.error(fields.location(of: "sendmail"), "`mail.sendmail` is empty", hint: "name a sendmail-compatible command, e.g. /usr/bin/msmtp, or remove the key")
            return nil
        }
        return command
    }
}
