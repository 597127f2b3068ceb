// MARK: - Handshake message boundaries

/// Follows the handshake byte stream of one key epoch to learn which messages ended
/// in each record. TLS 1.3 changes keys after Finished and KeyUpdate, and a message
/// may span records (a long Certificate) or share one with others, so searching a
/// record for a type byte would be wrong. Keeps only counters, not the messages.
struct HandshakeMessageTracker: Sendable, Hashable {
    /// Header bytes of the message being read (type + 24-bit length), up to 4.
    private var header: [UInt8] = []
    /// Body bytes still to come of the message whose header is complete.
    private var remainingBody = 0

    /// Consumes one record's handshake bytes; returns the types of the messages that
    /// ended in them, in order.
    mutating func consume(_ bytes: [UInt8]) -> [UInt8] {
        var completed: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if header.count < 4 {
                header.append(bytes[index])
                index += 1
                if header.count == 4 {
                    remainingBody = Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
                }
            } else {
                let take = min(remainingBody, bytes.count - index)
                remainingBody -= take
                index += take
            }
            if header.count == 4, remainingBody == 0 {
                completed.append(header[0])
                header.removeAll(keepingCapacity: true)
            }
        }
        return completed
    }
}
