import Foundation
import Testing
@testable import KairanCore

/// Files read as text have a size limit (`limits.max_file_size`, default 5 MB), checked before they
/// are read whole; below it, memory stays proportional to the input. Copied files have no limit.
@Suite struct InputFileSizeTests {
    static let hint = "hint: split it or raise limits.max_file_size in site.yaml"

    /// About `bytes` of an ordinary article: headings, paragraphs, a list and links.
    static func article(bytes: Int) -> String {
        var text = "---\ntitle: 大きな記事\n---\n"
        text.reserveCapacity(bytes + 1000)
        var section = 0
        while text.utf8.count < bytes {
            section += 1
            text += "## 見出し \(section)\n\n" + String(repeating: "これは本文の段落です。ログインの手順を説明します。**強調**と`コード`を含みます。 ", count: 5)
                + "\n\n- 項目1\n- 項目2\n\n[リンク](https://example.com/)\n\n"
        }
        return text
    }

    @Test func sizesReadAndPrintInDecimalUnits() {
        #expect(ByteSize.parse("5MB") == 5_000_000 && ByteSize.parse("5 MB") == 5_000_000 && ByteSize.parse("1.5mb") == 1_500_000)
        #expect(ByteSize.parse("800KB") == 800_000 && ByteSize.parse("1GB") == 1_000_000_000 && ByteSize.parse("5000000") == 5_000_000)
        for bad in ["", "MB", "0", "-5MB", "5 TB", "five", "1e9", "99999999999999999999GB"] { #expect(ByteSize.parse(bad) == nil, "\(bad)") }
        #expect(ByteSize.text(62_100_000) == "62.1 MB" && ByteSize.text(5_000_000) == "5 MB" && ByteSize.text(812_345) == "812.3 KB")
        #expect(ByteSize.text(90) == "90 bytes")
        #expect(ByteSize.texts(5_000_001, over: 5_000_000) == ("5000001 bytes", "5000000 bytes"))
    }

    /// The disk reader refuses at the size `fstat` gives (or, under 64 KiB, at what one read got).
    @Test(arguments: [100, 64 * 1024, 64 * 1024 + 1, 300_000]) func theDiskReaderChecksTheSizeFirst(_ size: Int) throws {
        let path = NSTemporaryDirectory() + "kairan-size-" + UUID().uuidString
        try Data(repeating: 65, count: size).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disk = DiskFileSystem()
        #expect(try disk.read(path, limit: size).count == size)
        #expect(try disk.read(path).count == size)
        #expect(throws: FileSystemError(path: path, reason: .tooLarge(size: size, limit: size - 1))) { try disk.read(path, limit: size - 1) }
    }

    /// Articles, categories, releases, training pages, data files, the schedule and templates over
    /// the limit: one error each at the file, with the hint.
    @Test func everyFileReadAsTextHasTheLimit() throws {
        let large = String(repeating: "あ", count: 2_100_000)  // 6.3 MB
        var files = TestSupport.smallSite
        files["site/site.yaml"] = TestSupport.siteYAML + "\nschedule: content/data/schedule.yaml\n"
        for path in ["content/kb/start/huge.md", "content/kb/big/_index.md", "content/releases/v1.0.0.md",
                     "content/training/programs/big.md", "content/data/backlog.yaml", "content/data/schedule.yaml",
                     "templates/partials/footer.mustache"] {
            files["site/" + path] = large
        }
        files["site/static/video.bin"] = large  // copied, not read as text
        files["site/templates/assets/font.bin"] = large
        let root = try InputTestSupport.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try CommandLineTests.run(["check", "--site", root])
        #expect(run.status == 1)
        let lines = run.errors.split(separator: "\n")
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(errors.sorted() == [
            "content/data/backlog.yaml: error: 6.3 MB is larger than the limit of 5 MB",
            "content/data/schedule.yaml: error: 6.3 MB is larger than the limit of 5 MB",
            "content/kb/big/_index.md: error: 6.3 MB is larger than the limit of 5 MB",
            "content/kb/start/huge.md: error: 6.3 MB is larger than the limit of 5 MB",
            "content/releases/v1.0.0.md: error: 6.3 MB is larger than the limit of 5 MB",
            "content/training/programs/big.md: error: 6.3 MB is larger than the limit of 5 MB",
            "templates/partials/footer.mustache: error: 6.3 MB is larger than the limit of 5 MB",
        ], "\(run.errors)")
        #expect(lines.filter { $0.contains("hint: split it") }.count == 7)
        #expect(run.errors.contains(Self.hint))
    }

    @Test func theLimitIsSetInSiteYAMLAndValidatedStrictly() throws {
        var files = TestSupport.smallSite
        files["site/content/kb/start/long.md"] = "---\ntitle: 長い\n---\n" + String(repeating: "本文。", count: 200_000)  // 1.8 MB
        files["site/site.yaml"] = TestSupport.siteYAML + "\nlimits:\n  max_file_size: 1MB\n"
        let root = try InputTestSupport.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var run = try CommandLineTests.run(["check", "--site", root])
        #expect(run.status == 1)
        #expect(InputTestSupport.errorLines(run.errors) == ["content/kb/start/long.md: error: 1.8 MB is larger than the limit of 1 MB"])
        for (limits, status, error) in [
            ("limits: {max_file_size: 2MB}", Int32(0), nil),
            ("limits: {max_file_size: lots}", 1, "site.yaml:4:25: error: `max_file_size` must be a size such as 5MB, 800KB or 5000000 (bytes), found \"lots\""),
            ("limits: {max_size: 2MB}", 1, "site.yaml:4:10: error: unknown key `max_size` in `limits`"),
        ] {
            try (TestSupport.siteYAML + "\n" + limits + "\n").write(toFile: root + "/site.yaml", atomically: true, encoding: .utf8)
            run = try CommandLineTests.run(["check", "--site", root])
            #expect(run.status == status, "\(limits): \(run.errors)")
            if let error { #expect(InputTestSupport.errorLines(run.errors).first == Substring(error), "\(run.errors)") }
        }
        // site.yaml itself is read before its own limit is known: the default applies.
        let huge = TestSupport.siteYAML + "\n# " + String(repeating: "x", count: 5_000_000) + "\n"
        try huge.write(toFile: root + "/site.yaml", atomically: true, encoding: .utf8)
        run = try CommandLineTests.run(["check", "--site", root])
        #expect(run.status == 1)
        #expect(InputTestSupport.errorLines(run.errors) == ["site.yaml: error: \(huge.utf8.count) bytes is larger than the limit of 5000000 bytes"],
                "\(run.errors)")
    }

    /// A large article costs memory in proportion to its size, never more: an article three times
    /// longer costs at most about three times more, and a 4.5 MB article stays within 32× its size
    /// over the build of the same site without it. The peak of one build moves by up to a tenth
    /// from run to run (which of a page's buffers are alive at once depends on the tasks' timing),
    /// so the cost per byte of the longer article may be up to 1.6× that of the shorter: seen up
    /// to 1.29× under CI's load, where a cost growing as the text's power 1.5 would be 1.73× and a
    /// quadratic one 3×. Measured when this bound was set (2026-12-02, the peak now
    /// measured of the build alone): 20× with the debug binary, 27× with the release one. Most of
    /// it is cmark-gfm's tree of the article (about 13× the text, freed before the HTML is copied,
    /// its memory then reused), the page's HTML and the search index of its 1.5 million characters.
    @Test func memoryStaysProportionalToTheArticle() throws {
        var files = TestSupport.smallSite
        let root = try InputTestSupport.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = try InputPeakMemory.run(["build", "--site", root, "--date", "2026-11-25", "--quiet"])
        #expect(base.status == 0)
        var growths: [Double] = []
        for size in [1_500_000, 4_500_000] {
            let text = Self.article(bytes: size)
            files["site/content/kb/start/big.md"] = text
            try InputTestSupport.write(Data(text.utf8), to: "site/content/kb/start/big.md", in: root)
            let big = try InputPeakMemory.run(["build", "--site", root, "--date", "2026-11-25", "--quiet"])
            #expect(big.status == 0)
            growths.append(Double(big.peakBytes - base.peakBytes) / Double(text.utf8.count))
        }
        #expect(growths[1] <= 32, "\(growths[1])× the input (base \(base.peakBytes / 1_000_000) MB)")
        #expect(growths[1] <= growths[0] * 1.6, "per byte: \(growths[0])× at 1.5 MB, \(growths[1])× at 4.5 MB")
    }

    /// Copied files have no limit and are copied piece by piece as they are written: two 40 MB
    /// static files, copied by two tasks at once, cost less than a tenth of one in memory.
    @Test func copiedFilesAreCopiedPieceByPiece() throws {
        let root = try InputTestSupport.site(TestSupport.smallSite)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = try InputPeakMemory.run(["build", "--site", root, "--date", "2026-11-25", "--quiet", "--jobs", "2"])
        try InputTestSupport.write(Data(repeating: 7, count: 40_000_000), to: "site/static/big.bin", in: root)
        try InputTestSupport.write(Data(repeating: 8, count: 40_000_000), to: "site/static/other.bin", in: root)
        let copied = try InputPeakMemory.run(["build", "--site", root, "--date", "2026-11-25", "--quiet", "--jobs", "2"])
        #expect(copied.status == 0)
        #expect(FileManager.default.contents(atPath: root + "/output/public/big.bin") == Data(repeating: 7, count: 40_000_000))
        #expect(FileManager.default.contents(atPath: root + "/output/public/other.bin") == Data(repeating: 8, count: 40_000_000))
        let growth = Double(copied.peakBytes - base.peakBytes) / 40_000_000
        #expect(growth <= 0.1, "\(growth)× one file")
    }
}

/// Locating many links in a long article is one pass over its lines, not one per link.
@Suite struct InputManyLinksTests {
    @Test func manyBrokenLinksInALongArticleAreReportedQuickly() throws {
        var files = TestSupport.smallSite
        files["site/content/kb/start/long.md"] = "---\ntitle: 長い\n---\n" + (0..<200_000).map { "行\($0)\n" }.joined()
            + (0..<300).map { "[x](missing\($0).md)\n" }.joined()  // 300 errors: within the pipe the test reads
        let root = try InputTestSupport.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let started = Date()
        let run = try CommandLineTests.run(["check", "--site", root])
        #expect(Date().timeIntervalSince(started) < 5, "took \(Date().timeIntervalSince(started)) s")  // was 20 s
        #expect(run.status == 1)
        let errors = InputTestSupport.errorLines(run.errors)
        #expect(errors.count == 300)
        #expect(errors.first?.hasPrefix("content/kb/start/long.md:200004:1: error: ") == true, "\(errors.first ?? "")")
    }
}
