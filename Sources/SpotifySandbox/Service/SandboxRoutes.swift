import Foundation
import HTTPTypes
import Hummingbird
import SpotifyModels

/// The sandbox's HTTP face: the accounts service at `/authorize` and `/api/token`,
/// the Web API under `/v1`, ReccoBeats under `/reccobeats/v1`, and test controls
/// under `/sandbox`.
struct SandboxRoutes: Sendable {
    let state: SandboxState
    let options: SandboxOptions

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SpotifyErrorMiddleware())
        addAccounts(to: router)
        addLibrary(to: router)
        addPlaylists(to: router)
        addPlayer(to: router)
        addFeatures(to: router)
        addControls(to: router)
        refuseOtherMethods(on: router)
        return router
    }

    // MARK: - Routes

    private func addAccounts(to router: Router<BasicRequestContext>) {
        router.get("/authorize") { request, _ in
            await wait()
            return Response(await state.authorize(request.query))
        }
        router.post("/api/token") { request, _ in
            await wait()
            var request = request
            let body = try await request.collectBody(upTo: 1 << 16)
            return Response(
                await state.token(FormEncoding.decode(String(buffer: body)), basic: BasicCredentials.parse(request.headers[.authorization])))
        }
    }

    private func addLibrary(to router: Router<BasicRequestContext>) {
        api(router, .get, "/v1/me") { grant, _, _ in try await state.me(grant) }
        api(router, .get, "/v1/search") { grant, query, _ in try await state.search(grant, query) }
        api(router, .get, "/v1/me/top/:type") { grant, query, _ in
            try await state.top(query.values[":type"] ?? "", grant, query)
        }
        api(router, .get, "/v1/me/player/recently-played") { grant, query, _ in try await state.recentlyPlayed(grant, query) }
        api(router, .get, "/v1/me/tracks") { grant, query, _ in try await state.savedTracks(grant, query) }
        api(router, .get, "/v1/artists/:id") { _, query, _ in try await state.artist(query.values[":id"] ?? "") }
        api(router, .get, "/v1/artists/:id/albums") { _, query, _ in try await state.artistAlbums(query.values[":id"] ?? "", query) }
        api(router, .get, "/v1/artists/:id/top-tracks") { _, _, _ in try await state.removedEndpoint() }
        api(router, .get, "/v1/albums/:id/tracks") { _, query, _ in try await state.albumTracks(query.values[":id"] ?? "", query) }
        api(router, .get, "/v1/tracks") { _, query, _ in try await state.tracks(query) }
        api(router, .get, "/v1/tracks/:id") { _, query, _ in try await state.track(query.values[":id"] ?? "") }
    }

    private func addPlaylists(to router: Router<BasicRequestContext>) {
        api(router, .post, "/v1/me/playlists") { grant, _, body in try await state.createPlaylist(grant, body: body) }
        api(router, .get, "/v1/me/playlists") { grant, query, _ in try await state.myPlaylists(grant, query: query) }
        api(router, .post, "/v1/users/:user/playlists") { grant, query, body in
            try await state.createPlaylist(grant, body: body, forUser: query.values[":user"])
        }
        api(router, .get, "/v1/playlists/:id") { grant, query, _ in try await state.playlist(grant, id: query.values[":id"] ?? "") }
        api(router, .post, "/v1/playlists/:id/items") { grant, query, body in
            try await state.addItems(grant, playlistID: query.values[":id"] ?? "", body: body, query: query)
        }
        api(router, .get, "/v1/playlists/:id/items") { grant, query, _ in
            try await state.items(grant, playlistID: query.values[":id"] ?? "", query: query)
        }
        // The old name of `/items`: gone for 2026 apps.
        api(router, .post, "/v1/playlists/:id/tracks") { grant, query, body in
            try await state.requireLegacy()
            return try await state.addItems(grant, playlistID: query.values[":id"] ?? "", body: body, query: query)
        }
        api(router, .get, "/v1/playlists/:id/tracks") { grant, query, _ in
            try await state.requireLegacy()
            return try await state.items(grant, playlistID: query.values[":id"] ?? "", query: query)
        }
        api(router, .put, "/v1/me/library") { grant, query, _ in try await state.changeLibrary(grant, query: query, save: true) }
        api(router, .delete, "/v1/me/library") { grant, query, _ in try await state.changeLibrary(grant, query: query, save: false) }
        api(router, .get, "/v1/me/library/contains") { grant, query, _ in try await state.libraryContains(grant, query: query) }
    }

    private func addPlayer(to router: Router<BasicRequestContext>) {
        api(router, .get, "/v1/me/player") { grant, _, _ in try await state.playback(grant) }
        api(router, .get, "/v1/me/player/devices") { grant, _, _ in try await state.devices(grant) }
        api(router, .put, "/v1/me/player") { grant, _, body in try await state.transfer(grant, body: body) }
        api(router, .put, "/v1/me/player/play") { grant, query, body in try await state.play(grant, body: body, query: query) }
    }

    private func addFeatures(to router: Router<BasicRequestContext>) {
        api(router, .get, "/v1/audio-features") { _, query, _ in try await state.audioFeatures(query) }
        api(router, .get, "/v1/recommendations") { _, query, _ in try await state.recommendations(query) }
        open(router, "/reccobeats/v1/audio-features") { query in try await state.reccoFeatures(query) }
        open(router, "/reccobeats/v1/track/recommendation") { query in try await state.reccoRecommendations(query) }
    }

    /// Test and demo controls: queue faults, expire or revoke tokens, count requests.
    private func addControls(to router: Router<BasicRequestContext>) {
        router.post("/sandbox/faults") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 16)
            guard let faults = try? JSONDecoder().decode([SandboxState.QueuedFault].self, from: Data(body.readableBytesView)) else {
                return Response(.error(400, #"Send a JSON array such as [{"status":429,"retryAfter":1}]"#))
            }
            await state.queueFaults(faults)
            return Response(status: .noContent)
        }
        router.post("/sandbox/expire-access-tokens") { _, _ -> Response in
            await state.expireAccessTokens()
            return Response(status: .noContent)
        }
        router.post("/sandbox/revoke-refresh-tokens") { _, _ -> Response in
            await state.revokeRefreshTokens()
            return Response(status: .noContent)
        }
        // Logs a sandbox user straight in: `setlist sandbox token` and `--sandbox URL` use it.
        router.post("/sandbox/login") { request, _ -> Response in
            let user = request.query["user"] ?? SandboxUsers.listener
            guard let tokens = await state.demoLogin(userID: user) else {
                return Response(.error(404, "No sandbox user \(user); the users are \(SandboxUsers.all.joined(separator: ", "))"))
            }
            return Response(.json(tokens))
        }
        router.get("/sandbox/stats") { _, _ -> Response in
            Response(.json(["api_requests": await state.apiRequestCount]))
        }
    }

    // MARK: - Plumbing

    /// Makes every other method on a path the sandbox serves a 405 naming the allowed
    /// ones, as Spotify answers it; Hummingbird's router would answer 404, as for a
    /// path it does not know.
    private func refuseOtherMethods(on router: Router<BasicRequestContext>) {
        for routes in Dictionary(grouping: router.routes, by: \.path.description).values {
            let allowed = Set(routes.map(\.method))
            let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] where !allowed.contains(method) {
                router.on(routes[0].path, method: method) { _, _ -> Response in
                    throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
                }
            }
        }
    }

    typealias Handler = @Sendable (SandboxState.Grant, QueryReader, Data?) async throws -> SandboxResponse

    /// A Web API route: latency, faults, the bearer token, then the handler.
    private func api(_ router: Router<BasicRequestContext>, _ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: method) { request, context -> Response in
            await wait()
            let fault = await state.nextFault()
            if case .refuse(let refusal) = fault { return Response(refusal) }
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            var values = request.query
            for (name, value) in context.parameters { values[":\(name)"] = String(value) }
            let response: Response
            do {
                let grant = try await state.grant(bearer: Self.bearer(request.headers[.authorization]))
                response = Response(
                    try await handler(grant, QueryReader(values: values), body.readableBytes > 0 ? Data(body.readableBytesView) : nil))
            } catch let failure as SandboxFailure {
                response = Response(failure.response)
            }
            guard case .lose(let lost) = fault else { return response }
            return Response.losing(lost)
        }
    }

    /// A keyless route (ReccoBeats): latency and faults, no token.
    private func open(
        _ router: Router<BasicRequestContext>, _ path: String,
        _ handler: @escaping @Sendable (QueryReader) async throws -> SandboxResponse
    ) {
        router.get(RouterPath(path)) { request, _ -> Response in
            await wait()
            if case .refuse(let refusal) = await state.nextFault() { return Response(refusal) }
            do {
                return Response(try await handler(QueryReader(values: request.query)))
            } catch let failure as SandboxFailure {
                return Response(failure.response)
            }
        }
    }

    private func wait() async {
        if options.latency > .zero { try? await Task.sleep(for: options.latency) }
    }

    static func bearer(_ authorization: String?) -> String? {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { return nil }
        return String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }
}

extension SandboxState {
    /// An endpoint Spotify removed in 2026 that a legacy app still has; the sandbox has no data behind it.
    func removedEndpoint() throws(SandboxFailure) -> SandboxResponse {
        try requireLegacy()
        throw SandboxFailure(.error(404, "Not modelled by the sandbox"))
    }
}

extension Request {
    /// The query string as a dictionary, decoded as forms are (`+` is a space).
    var query: [String: String] {
        FormEncoding.decode(uri.query ?? "")
    }
}

extension Response {
    init(_ response: SandboxResponse) {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        let body = response.body.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
        self.init(status: HTTPResponse.Status(code: response.status), headers: fields, body: body)
    }
}

extension Response {
    /// The answer to a request that was carried out, lost on its way back.
    static func losing(_ lost: SandboxState.LostAnswer) -> Response {
        switch lost {
        case .serverError:
            Response(SandboxState.response(for: SandboxState.QueuedFault(status: 500)))
        case .dropped:
            // Promises a body, then closes the connection before any of it.
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: 64) { _ in throw DroppedConnection() })
        }
    }

    private struct DroppedConnection: Error {}
}

/// HTTP Basic credentials, as the token endpoint receives a client id and secret.
enum BasicCredentials {
    static func parse(_ authorization: String?) -> (id: String, secret: String)? {
        guard let authorization, authorization.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
