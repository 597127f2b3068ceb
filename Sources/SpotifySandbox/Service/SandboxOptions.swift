/// How the sandbox behaves.
public struct SandboxOptions: Sendable {
    /// Which Web API the sandbox plays.
    public enum Mode: String, Sendable {
        /// Spotify as a development-mode app sees it in 2026: restricted endpoints answer 403.
        case restricted2026
        /// An app that kept the old endpoints: recommendations, audio features, batch lookups.
        case legacy
    }

    public var mode: Mode
    /// Added to every answer, to stand in for the network.
    public var latency: Duration
    /// Random faults on Web API calls.
    public var faults: FaultPlan
    /// Seeds the catalog and the faults.
    public var seed: UInt64
    /// How long an access token lasts.
    public var accessTokenLifetime: Duration
    /// How long after the first authorization a refresh token stops working (Spotify: six months).
    public var refreshTokenLifetime: Duration

    public init(
        mode: Mode = .restricted2026, latency: Duration = .zero, faults: FaultPlan = FaultPlan(), seed: UInt64 = 2026,
        accessTokenLifetime: Duration = .seconds(3600), refreshTokenLifetime: Duration = .seconds(182 * 86_400)
    ) {
        self.mode = mode
        self.latency = latency
        self.faults = faults
        self.seed = seed
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
    }
}

/// Faults injected at random into Web API answers, such as `429:0.05,500:0.02,lost:0.1`.
public struct FaultPlan: Sendable, Equatable {
    /// One kind of fault and how often it happens.
    public struct Fault: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The request is refused with this status: 429 (with `Retry-After`) or 5xx.
            case status(Int)
            /// A spent quota: 429 with reason `QUOTA_EXCEEDED`, written `quota` in a plan.
            case quotaSpent
            /// The request is carried out and its answer lost, as real networks lose them:
            /// half the time a 500, half the time a dropped connection. Written `lost`.
            case lost
        }

        public var kind: Kind
        public var probability: Double

        public init(_ kind: Kind, probability: Double) {
            self.kind = kind
            self.probability = probability
        }
    }

    public var faults: [Fault]

    public init(_ faults: [Fault] = []) {
        self.faults = faults
    }

    /// Reads `KIND:PROBABILITY,...`: a status (429 or 5xx), `quota`, or `lost`.
    public init(parsing text: String) throws(SandboxSetupError) {
        var faults: [Fault] = []
        for item in text.split(separator: ",") where !item.isEmpty {
            let parts = item.split(separator: ":")
            guard parts.count == 2, let probability = Double(parts[1]), (0...1).contains(probability) else {
                throw .badFaults(text)
            }
            switch parts[0] {
            case "quota": faults.append(Fault(.quotaSpent, probability: probability))
            case "lost": faults.append(Fault(.lost, probability: probability))
            default:
                guard let status = Int(parts[0]), status == 429 || (500...599).contains(status) else { throw .badFaults(text) }
                faults.append(Fault(.status(status), probability: probability))
            }
        }
        self.faults = faults
    }
}

/// Why the sandbox could not be set up as asked.
public enum SandboxSetupError: Error, Equatable, CustomStringConvertible {
    case badFaults(String)

    public var description: String {
        switch self {
        case .badFaults(let text):
            "Cannot read faults '\(text)': write KIND:PROBABILITY pairs separated by commas, such as 429:0.05,500:0.02,lost:0.1 (kinds 429, 5xx, quota or lost; probabilities 0 to 1)."
        }
    }
}
