import Foundation
@testable import KairanCore

/// Shared helpers for the core tests.
enum TestSupport {
    /// The repository root (where Package.swift is).
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixtures = repositoryRoot + "/Tests/KairanCoreTests/Fixtures"

    /// A minimal valid site.yaml.
    static let siteYAML = """
        title: テストヘルプ
        base_url: https://help.example.com/
        feedback_url: https://example.com/feedback
        """

    /// Builds a site held in memory into `out/` and returns the result and the file system.
    static func build(_ files: [String: String], jobs: Int = 2, drafts: Bool = false, write: Bool = true,
                      date: String = "2026-11-25") async -> (BuildResult, MemoryFileSystem) {
        let fileSystem = MemoryFileSystem(files)
        var options = BuildOptions(siteDirectory: "site", outputDirectory: "out", concurrency: jobs,
                                   clock: BuildClock(date: CivilDate(iso: date)!))
        options.includeDrafts = drafts
        options.writeOutput = write
        let result = await SiteBuilder(options: options, fileSystem: fileSystem).run()
        return (result, fileSystem)
    }

    /// A small site: two categories, three articles, one cross link.
    static var smallSite: [String: String] {
        [
            "site/site.yaml": siteYAML,
            "site/content/kb/start/_index.md": "---\ntitle: はじめに\nweight: 1\n---\n最初に読む記事です。\n",
            "site/content/kb/start/login.md": """
                ---
                title: ログインする
                summary: 初めてログインする手順
                tags: [初心者, ログイン]
                date: 2026-04-14
                updated: 2026-11-20
                weight: 1
                ---
                ## 手順

                1. 「ログイン」を押します。

                ## 困ったとき

                [パスワードの再設定](../account/password.md#再設定の手順)をご覧ください。
                """,
            "site/content/kb/account/_index.md": "---\ntitle: アカウント\nweight: 2\n---\n",
            "site/content/kb/account/password.md": """
                ---
                summary: パスワードを忘れたとき
                tags: [ログイン]
                date: 2026-05-01
                ---
                # パスワードを再設定する

                ## 再設定の手順

                メールのリンクを開きます。
                """,
            "site/content/kb/account/mfa.md": "---\ntitle: 多要素認証\ndate: 2026-06-01\ntags: [セキュリティ]\n---\n本文。\n",
        ]
    }
}
