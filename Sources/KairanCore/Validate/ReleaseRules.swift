/// Cross-release checks. The bump rule: a `major` release raises the major or the minor number
/// (1.4.0 → 1.5.0 or 2.0.0, patch back to 0); `minor` and `hotfix` releases raise only the patch
/// (1.5.0 → 1.5.1). Versions are unique, and a higher version never has an earlier date.
public enum ReleaseRules {
    public static func check(_ releases: [Release], backlogIDs: Set<String>?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [SemanticVersion: Release] = [:]
        var previous: Release?
        for release in releases {  // sorted by version
            if let first = seen[release.version] {
                diagnostics.append(.error(release.location, "version \(release.version) is also released by \(first.sourcePath)",
                                          hint: "each release needs its own version"))
                continue
            }
            seen[release.version] = release
            if let previous {
                if release.date < previous.date {
                    diagnostics.append(.error(release.location, "\(release.version) is dated \(release.date), before \(previous.version) (\(previous.date))",
                                              hint: "a higher version cannot be released earlier; fix the date or the version"))
                }
                if let problem = bumpProblem(from: previous.version, to: release.version, type: release.type) {
                    diagnostics.append(.error(release.location, problem, hint: "major: raise major or minor (x.y.0); minor/hotfix: raise the patch only"))
                }
            }
            if let backlogIDs {
                for id in release.backlog where !backlogIDs.contains(id) {
                    diagnostics.append(.error(release.backlogLocation ?? release.location, "backlog item \(id) does not exist in content/data/backlog.yaml",
                                              hint: "check the id, or add the item to the backlog"))
                }
            }
            previous = release
        }
        return diagnostics
    }

    /// Why `type` does not fit the step from `old` to `new`, or nil when it does.
    public static func bumpProblem(from old: SemanticVersion, to new: SemanticVersion, type: ReleaseType) -> String? {
        let raisesMajorOrMinor = new.major > old.major || (new.major == old.major && new.minor > old.minor)
        switch type {
        case .major:
            if !raisesMajorOrMinor || new.patch != 0 {
                return "\(new) is a major release but does not raise the major or minor number of \(old) to x.y.0"
            }
        case .minor, .hotfix:
            if new.major != old.major || new.minor != old.minor {
                return "\(new) is a \(type.rawValue) but changes more than the patch number of \(old)"
            }
        }
        return nil
    }
}
