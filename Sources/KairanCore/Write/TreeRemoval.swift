import Dispatch

/// Removes folder trees on every core, never through a symbolic link: a link is unlinked, never
/// descended into, so nothing outside the tree is touched whatever links it holds.
enum TreeRemoval {
    /// Removes `root` and everything in it; its folders three levels down are independent, so they
    /// are removed in parallel. Failures are left for the next build to clean up.
    static func remove(_ root: String, fileSystem: FileSystem) {
        var parts = [root]
        for _ in 0..<3 {
            var next: [String] = []
            for part in parts {
                if fileSystem.entryKind(of: part) == .directory, let names = try? fileSystem.list(part) {
                    next += names.map { joinPath(part, $0) }
                } else {
                    next.append(part)
                }
            }
            parts = next
        }
        let targets = parts
        DispatchQueue.concurrentPerform(iterations: targets.count) { index in try? fileSystem.remove(targets[index]) }
        try? fileSystem.remove(root)
    }
}
