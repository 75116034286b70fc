/// An email as its `.eml` bytes: RFC 5322 headers and a MIME `multipart/alternative` body
/// (RFC 2046) with the `text/plain` part first and the `text/html` part last, both UTF-8 in
/// Base64 lines of 76 characters. CRLF line ends throughout, no line over 998 octets, only ASCII
/// in the header block, and the same bytes for the same content (the boundary is derived from it).
public struct MIMEMessage: Sendable, Equatable {
    /// The header fields Kairan writes.
    public struct Headers: Sendable, Equatable {
        public var from: EmailMailbox
        public var replyTo: EmailMailbox?
        /// The audience's mailing lists.
        public var to: [EmailMailbox]
        public var subject: String
        /// The scheduled send time (Asia/Tokyo).
        public var date: LocalDateTime
        /// With or without angle brackets: `<weekly.2026-W47@help.example.com>`.
        public var messageID: String
        /// An `https:` or `mailto:` URL; `https:` also gets one-click `List-Unsubscribe-Post` (RFC 8058).
        public var listUnsubscribe: String?
        /// Whether to mark the message `Precedence: bulk` (list mail).
        public var isBulk: Bool

        public init(from: EmailMailbox, replyTo: EmailMailbox? = nil, to: [EmailMailbox], subject: String, date: LocalDateTime,
                    messageID: String, listUnsubscribe: String? = nil, isBulk: Bool = true) {
            self.from = from
            self.replyTo = replyTo
            self.to = to
            self.subject = subject
            self.date = date
            self.messageID = messageID
            self.listUnsubscribe = listUnsubscribe
            self.isBulk = isBulk
        }
    }

    public var headers: Headers
    /// The plain-text alternative; any line ends (written as CRLF).
    public var text: String
    /// The HTML document; any line ends (written as CRLF).
    public var html: String

    public init(headers: Headers, text: String, html: String) {
        self.headers = headers
        self.text = text
        self.html = html
    }

    /// `Message-ID` as written: ASCII without white space, in angle brackets.
    public var messageID: String {
        var id = Substring(MIMEHeaderText.angleAddress(headers.messageID))
        if id.hasPrefix("<") { id = id.dropFirst() }
        if id.hasSuffix(">") { id = id.dropLast() }
        return "<" + id + ">"
    }

    /// The multipart boundary.
    public var boundary: String { MIMEBoundary.boundary(for: [Self.crlf(text), Self.crlf(html), Array(headerBlock(boundary: "").utf8)]) }

    /// The whole message, ready for sendmail or a `.eml` file.
    public var bytes: [UInt8] {
        let boundary = boundary
        var out = Array(headerBlock(boundary: boundary).utf8)
        out += [13, 10]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            out += Array("--\(boundary)\r\nContent-Type: \(type); charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
            out += Base64.encodeLines(Self.crlf(body))
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }

    /// The header fields, each ended by CRLF (the blank line after them not included).
    private func headerBlock(boundary: String) -> String {
        var block = "Date: " + headers.date.rfc5322 + "\r\n"
        block += MIMEHeaderText.addressList("From", [headers.from])
        if let replyTo = headers.replyTo { block += MIMEHeaderText.addressList("Reply-To", [replyTo]) }
        block += MIMEHeaderText.addressList("To", headers.to)
        block += MIMEHeaderText.unstructured("Subject", headers.subject)
        block += "Message-ID: " + messageID + "\r\n"
        block += "MIME-Version: 1.0\r\n"
        block += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
        if let url = headers.listUnsubscribe.map(MIMEHeaderText.angleAddress), !url.isEmpty {
            block += MIMEHeaderText.field("List-Unsubscribe", ["<\(url)>"])
            if url.lowercased().hasPrefix("https://") { block += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" }
        }
        if headers.isBulk { block += "Precedence: bulk\r\n" }
        return block
    }

    /// The UTF-8 of `text` with every line end (LF, CR or CRLF) as CRLF.
    static func crlf(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 32)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 10 {
                if !previousCR { out.append(13) }
                out.append(10)
            } else {
                if previousCR { out.append(10) }
                if byte != 13 { out.append(byte) } else { out.append(13) }
            }
            previousCR = byte == 13
        }
        if previousCR { out.append(10) }
        return out
    }
}
