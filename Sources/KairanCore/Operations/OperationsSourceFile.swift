/// The text of one operations data file (`kpis.yaml`, `metrics/<id>.csv`, `backlog.yaml`,
/// `milestones.yaml`) and the path diagnostics name. The caller reads the file; the operations
/// loaders never touch the file system.
public struct OperationsSourceFile: Hashable, Sendable {
    /// Path relative to the site folder, e.g. `content/data/metrics/csat.csv`.
    public var path: String
    /// The whole file as UTF-8 text.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The file name without folders and without its last extension: `csat` for `…/metrics/csat.csv`.
    public var stem: String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
