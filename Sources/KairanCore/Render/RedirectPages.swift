/// The pages written at old URLs (`aliases:`) and the `_redirects` file.
///
/// A redirect page sends the browser on at once (`<meta http-equiv="refresh">`), names the page
/// as canonical for search engines, is kept out of their index (`noindex`, and out of the
/// sitemap) and shows a link for readers whose browser does not follow the refresh. It is plain
/// HTML, not themed: nobody is meant to stay on it.
public enum RedirectPages {
    /// The redirect page of `redirect`, in the public tree.
    public static func page(_ redirect: Redirect, paths: SitePaths, language: String) -> OutputFile {
        let href = HTMLEscaping.escape(paths.href(redirect.to))
        let canonical = HTMLEscaping.escape(paths.absolute(redirect.to))
        let title = HTMLEscaping.escape(redirect.title)
        let text = """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(language))">
            <head>
            <meta charset="utf-8">
            <title>ページが移動しました: \(title)</title>
            <meta name="robots" content="noindex">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="canonical" href="\(canonical)">
            <meta http-equiv="refresh" content="0; url=\(href)">
            </head>
            <body>
            <main>
            <h1>ページが移動しました</h1>
            <p>このページは<a href="\(href)">\(title)</a>に移動しました。自動で移動しない場合はリンクを押してください。</p>
            </main>
            </body>
            </html>

            """
        return OutputFile(audience: .public, path: SitePaths.file(for: redirect.from), text: text)
    }

    /// `_redirects` at the public root.
    public static func redirectsFile(_ redirects: [Redirect], paths: SitePaths) -> OutputFile {
        OutputFile(audience: .public, path: "_redirects", text: RedirectResolver.redirectsFile(redirects, paths: paths))
    }
}
