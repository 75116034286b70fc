import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A `kairan serve` process of the tests, with what it printed so far.
final class ServeProcess: Sendable {
    let process: Process
    private let output = PrintedText()
    private let errors = PrintedText()

    /// Text a pipe delivered, appended from its reading thread.
    final class PrintedText: Sendable {
        let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var value: String { text.withLock { $0 } }
    }

    init(arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["serve"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [output] handle in output.append(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { [errors] handle in errors.append(handle.availableData) }
        try process.run()
    }

    var printed: String { output.value }
    var printedErrors: String { errors.value }

    /// Waits until standard output holds `text` (false after `seconds` or when the process ended).
    func waitFor(_ text: String, inErrors: Bool = false, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let printed = inErrors ? printedErrors : printed
            if printed.contains(text) { return true }
            if !process.isRunning { return printed.contains(text) }
            usleep(20_000)
        }
        return false
    }

    /// The port of the help center, from the "Serving … at http://127.0.0.1:PORT/" line.
    var port: UInt16? {
        guard let range = printed.range(of: "Serving the help center at http://127.0.0.1:") else { return nil }
        return UInt16(printed[range.upperBound...].prefix { $0.isNumber })
    }

    /// Ends the process (SIGINT) and waits; returns its exit status, nil when it did not stop in time.
    func interrupt(seconds: Double = 10) -> Int32? {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}

/// A tiny HTTP/1.1 client over a loopback socket (no proxy, no URL session).
struct LoopbackHTTP {
    let port: UInt16

    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    /// A connected socket with a receive timeout, or -1.
    func connectSocket(timeout seconds: Int = 10) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return -1 }
        var time = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close(socket); return -1 }
        return socket
    }

    func send(_ socket: Int32, path: String) {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"
        _ = request.withCString { Glibc.send(socket, $0, strlen($0), 0) }
    }

    /// GET `path` (percent-encoded) and read the whole answer.
    func get(_ path: String) -> Response? {
        let socket = connectSocket()
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        send(socket, path: path)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<split.lowerBound])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, headers: head, body: String(text[split.upperBound...]))
    }
}

/// An open event stream (`/_kairan/events`), read as it comes.
final class EventStreamReader {
    private let socket: Int32
    private(set) var received = ""

    init?(port: UInt16) {
        let http = LoopbackHTTP(port: port)
        socket = http.connectSocket(timeout: 1)
        guard socket >= 0 else { return nil }
        http.send(socket, path: "/_kairan/events")
    }

    deinit { close(socket) }

    /// Reads until an `event: NAME` arrives after what was consumed; returns its text (event and
    /// data lines), nil after `seconds`.
    func next(_ name: String, seconds: Double = 30) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            if let range = received.range(of: "event: \(name)\n"), let end = received[range.upperBound...].range(of: "\n\n") {
                let event = String(received[range.lowerBound..<end.lowerBound])
                received = String(received[end.upperBound...])
                return event
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 { received += String(decoding: buffer[..<count], as: UTF8.self) }
            else if count == 0 { return nil }
        }
        return nil
    }
}
