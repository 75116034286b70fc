/// `mail.sendmail` from `site.yaml`: the command `kairan send` delivers through.
public enum SendmailSetting {
    /// The command named in site.yaml, or ``SendmailDelivery/defaultCommand``; nil after logging
    /// an error in site.yaml.
    public static func read(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> String? {
        let before = log.items.count
        guard let config = SiteConfigLoader.load(siteDirectory: siteDirectory, fileSystem: fileSystem, withSchedule: false, log: log),
              !log.hasErrors(since: before) else { return nil }
        return config.mail?.sendmail.joined(separator: " ") ?? SendmailDelivery.defaultCommand
    }
}
