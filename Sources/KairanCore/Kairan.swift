/// Kairan's engine: load → validate → resolve → render → write.
public enum Kairan {
    /// The tool's version, printed by `kairan --version`.
    public static let version = "0.1.0"
}
