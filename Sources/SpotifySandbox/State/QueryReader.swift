/// Reading query parameters the way the Web API does, with its limits: a value that
/// is not a whole number in range is a 400 in Spotify's error shape, never a trap.
struct QueryReader {
    let values: [String: String]

    /// The largest offset Spotify documents for its lists; search stops at 1,000.
    static let largestOffset = 100_000

    func limit(default defaultValue: Int, maximum: Int) throws(SandboxFailure) -> Int {
        guard let text = values["limit"] else { return defaultValue }
        guard let limit = Int(text), (1...maximum).contains(limit) else { throw SandboxFailure(.error(400, "Invalid limit")) }
        return limit
    }

    func offset(maximum: Int = largestOffset) throws(SandboxFailure) -> Int {
        guard let text = values["offset"] else { return 0 }
        guard let offset = Int(text), (0...maximum).contains(offset) else { throw SandboxFailure(.error(400, "Invalid offset")) }
        return offset
    }

    func ids(_ name: String, maximum: Int) throws(SandboxFailure) -> [String] {
        let ids = (values[name] ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw SandboxFailure(.error(400, "No \(name) given")) }
        guard ids.count <= maximum else { throw SandboxFailure(.error(400, "Too many ids requested")) }
        return ids
    }
}
