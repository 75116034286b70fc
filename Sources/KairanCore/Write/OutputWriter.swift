import Dispatch

/// Writes a build into a staging folder inside the output folder and swaps it in at the end,
/// so a failed or interrupted build leaves the previous output as it was.
///
/// Only the audience folders (`public/`, `customers/`, `internal/`, `email/`) are ever replaced;
/// nothing outside the output folder is touched.
public struct OutputWriter: Sendable {
    /// Why the output folder cannot be used.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public let fileSystem: FileSystem
    public let outputDirectory: String
    public var staging: String { joinPath(outputDirectory, ".kairan-staging") }
    private var marker: String { joinPath(outputDirectory, ".kairan-output") }

    public init(fileSystem: FileSystem, outputDirectory: String) {
        self.fileSystem = fileSystem
        self.outputDirectory = outputDirectory
    }

    /// Checks the output folder is safe to manage and opens a fresh staging folder.
    public func prepare() throws {
        if fileSystem.kind(of: joinPath(outputDirectory, "site.yaml")) != .missing
            || fileSystem.kind(of: joinPath(outputDirectory, "content")) == .directory {
            throw Refusal(description: "\(outputDirectory) looks like a site folder (it has site.yaml or content/); choose another --output")
        }
        if fileSystem.kind(of: outputDirectory) == .file {
            throw Refusal(description: "\(outputDirectory) is a file; --output must be a folder")
        }
        if fileSystem.kind(of: marker) == .missing {
            let owned = Audience.allCases.filter { fileSystem.kind(of: joinPath(outputDirectory, $0.folder)) != .missing }
            if let first = owned.first {
                throw Refusal(description: "\(joinPath(outputDirectory, first.folder)) exists but was not written by Kairan; refusing to replace it (move it away or choose another --output)")
            }
        }
        try fileSystem.remove(staging)
        try fileSystem.createDirectory(staging)
    }

    /// Writes one file into the staging folder.
    public func write(_ file: OutputFile) throws {
        if let problem = OutputPathRule.problem(with: file.path) {
            throw Refusal(description: "refusing to write \(file.audience.folder)/\(file.path): \(problem)")
        }
        let path = joinPath(staging, file.audience.folder, file.path)
        switch file.content {
        case .bytes(let bytes): try fileSystem.write(path, bytes)
        case .text(let text): try fileSystem.write(path, text: text)  // no copy of the page into an array
        }
    }

    /// Swaps every staged audience folder into place, removes audience folders this build did not
    /// produce, and drops the old copies.
    public func commit() throws {
        let trash = joinPath(staging, ".old")
        try fileSystem.createDirectory(trash)
        for audience in Audience.allCases {
            let staged = joinPath(staging, audience.folder)
            let target = joinPath(outputDirectory, audience.folder)
            if fileSystem.kind(of: staged) == .directory {
                try fileSystem.replace(target, with: staged)
            } else if fileSystem.kind(of: target) != .missing {
                try fileSystem.replace(joinPath(trash, audience.folder), with: target)
            }
        }
        try fileSystem.write(marker, Array("This folder is written by `kairan build`; its audience folders are replaced on every build.\n".utf8))
        removeConcurrently(staging)
        try fileSystem.remove(staging)
    }

    /// Removes the previous output (now inside the staging folder) on every core: its folders
    /// three levels down are independent, so they are removed in parallel.
    private func removeConcurrently(_ root: String) {
        var parts = [root]
        for _ in 0..<3 {
            var next: [String] = []
            for part in parts {
                if fileSystem.kind(of: part) == .directory, let names = try? fileSystem.list(part) {
                    next += names.map { joinPath(part, $0) }
                } else {
                    next.append(part)
                }
            }
            parts = next
        }
        let (fileSystem, targets) = (self.fileSystem, parts)
        DispatchQueue.concurrentPerform(iterations: targets.count) { index in try? fileSystem.remove(targets[index]) }
    }

    /// Throws the staging folder away, leaving the output as it was.
    public func discard() { try? fileSystem.remove(staging) }
}
