import MCP

/// How a connection learns which era its server speaks, as revision 2026-07-28 says:
/// ask `server/discover` in the modern era; a result naming a version Setlist speaks
/// means modern, a modern error means a modern server that refused, and anything else
/// means a handshake-era server, to be opened with `initialize`. A server remembered as
/// being of the handshake era is opened with `initialize` straight away; whenever
/// `initialize` fails as a modern server would make it fail, the server is asked again.
enum EraProbe {
    /// What the connection agreed with its server.
    struct Agreement: Sendable, Equatable {
        var era: ProtocolEra
        var protocolVersion: String
    }

    /// What a probe's answer says.
    enum Verdict: Equatable {
        case modern
        case handshake
        /// A modern server that refused, or no answer at all: no era to fall back to.
        case failed(ConnectionError)
    }

    enum Transport {
        case stdio
        case http
    }

    /// How long a stdio server has to answer `server/discover` before it is taken for
    /// one of the handshake era, which may ignore a method it does not know. The
    /// revision asks for "a reasonable timeout" without a number; the Python SDK waits
    /// 10 s, long enough for a server that is slow to start. One slower than that and
    /// of the modern era still opens: it refuses the `initialize` that follows, and is
    /// asked again.
    static let stdioDiscoverDeadline: Duration = .seconds(10)

    // MARK: - Deciding

    /// The era the answer to `server/discover` shows.
    ///
    /// - A result listing 2026-07-28 in `supportedVersions`: modern. A result without
    ///   it is a server that answers discover yet advertises only versions Setlist does
    ///   not speak in the modern era: its handshake is tried, as the Python SDK does.
    /// - `UnsupportedProtocolVersion` (-32022): handshake, when the server lists a
    ///   handshake-era version (or none); otherwise a modern-only server sharing no
    ///   version with Setlist, which is an error.
    /// - Another modern error (-32020, -32021): a modern server refused; an error.
    /// - Any other JSON-RPC error; HTTP 400, 404 or 405 without a modern error in the
    ///   body (how handshake-era servers refuse a request without a session: the Python
    ///   SDK's says 400, others 404); and on stdio no answer in time: handshake.
    /// - Anything else (the server stopped, could not be reached, HTTP 401, 429 or 5xx):
    ///   an error, since a refused token or an outage says nothing of the era.
    static func verdict(_ answer: Result<Value, ConnectionError>, over transport: Transport) -> Verdict {
        switch answer {
        case .success(let result):
            let supported = result.objectValue?["supportedVersions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return supported.contains(ProtocolEra.modernVersion) ? .modern : .handshake
        case .failure(let error):
            switch error {
            case .unsupportedVersion(_, let supported):
                return supported.isEmpty || !ProtocolEra.handshakeVersions.isDisjoint(with: supported) ? .handshake : .failed(error)
            case .rejected(_, let code, _):
                return ClientMessages.modernErrorCodes.contains(code) ? .failed(error) : .handshake
            case .refusedHTTP(_, let status, _):
                return handshakeRefusals.contains(status) ? .handshake : .failed(error)
            case .timedOut where transport == .stdio:
                return .handshake
            default:
                return .failed(error)
            }
        }
    }

    /// The HTTP statuses with which a handshake-era server refuses a modern request.
    static let handshakeRefusals: Set<Int> = [400, 404, 405]

    /// Whether `initialize` failed as it fails on a modern server, which does not know
    /// it: worth a probe when the server was remembered as of the handshake era.
    static func mayBeModern(_ error: ConnectionError) -> Bool {
        switch error {
        case .rejected, .refusedHTTP, .unsupportedVersion: true
        default: false
        }
    }

    // MARK: - Opening

    /// Opens a connection in the server's era: the remembered one first, else a probe.
    /// What is learnt is remembered under `key`.
    /// - Parameters:
    ///   - discover: sends `server/discover` in the modern era; returns its result.
    ///   - initialize: sends `initialize` and `notifications/initialized`; returns the
    ///     version the server agreed to.
    static func open(
        key: String, memory: EraMemory?, over transport: Transport, discover: () async throws -> Value,
        initialize: () async throws -> String
    ) async throws -> Agreement {
        let agreement: Agreement
        if memory?.era(of: key) == .handshake {
            agreement = try await handshake(over: transport, discover: discover, initialize: initialize)
        } else {
            switch verdict(try await result(of: discover), over: transport) {
            case .modern: agreement = modern
            case .handshake: agreement = try await handshake(over: transport, discover: discover, initialize: initialize)
            case .failed(let error): throw error
            }
        }
        memory?.remember(agreement.era, of: key)
        return agreement
    }

    private static let modern = Agreement(era: .modern, protocolVersion: ProtocolEra.modernVersion)

    /// Opens with `initialize`. When that fails as a modern server makes it fail, the
    /// server may be modern after all (it became so since it was remembered, or was
    /// too slow to start to answer the probe in time): it is asked again, and the
    /// handshake's error stands unless it answers as a modern server.
    private static func handshake(
        over transport: Transport, discover: () async throws -> Value, initialize: () async throws -> String
    ) async throws -> Agreement {
        do {
            return Agreement(era: .handshake, protocolVersion: try await initialize())
        } catch let error as ConnectionError where mayBeModern(error) {
            guard verdict(try await result(of: discover), over: transport) == .modern else { throw error }
            return modern
        }
    }

    /// The probe's answer; errors other than the server's (cancellation) go on up.
    private static func result(of discover: () async throws -> Value) async throws -> Result<Value, ConnectionError> {
        do {
            return .success(try await discover())
        } catch let error as ConnectionError {
            return .failure(error)
        }
    }
}
