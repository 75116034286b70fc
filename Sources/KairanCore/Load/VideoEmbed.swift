/// How a video URL is shown: an embedded player frame or a native `<video>` element.
public enum VideoEmbed: String, Sendable {
    case frame
    case file

    /// The kind of `url`, or nil when it is not a video Kairan can embed safely.
    public static func kind(of url: String) -> VideoEmbed? {
        guard url.hasPrefix("https://") else { return nil }
        let lower = url.lowercased()
        let path = lower.split(separator: "?").first.map(String.init) ?? lower
        if path.hasSuffix(".mp4") || path.hasSuffix(".webm") { return .file }
        let frameHosts = ["https://www.youtube-nocookie.com/embed/", "https://www.youtube.com/embed/", "https://player.vimeo.com/video/"]
        return frameHosts.contains { lower.hasPrefix($0) } ? .frame : nil
    }
}
