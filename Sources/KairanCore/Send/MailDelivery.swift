/// Hands one email to one mailing list: the only step of `kairan send` that leaves the machine.
/// Behind a protocol so tests deliver in memory.
public protocol MailDelivery: Sendable {
    /// Delivers `message` (the `.eml` bytes, CRLF) with envelope sender `from` to the list `address`;
    /// throws ``DeliveryFailure`` when it was not accepted.
    func deliver(_ message: [UInt8], from: String, to address: String) throws(DeliveryFailure)
}

/// Why a delivery failed, in the words of the program or server that refused it.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
