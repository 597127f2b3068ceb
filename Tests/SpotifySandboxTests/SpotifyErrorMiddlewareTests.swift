import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SpotifyAPI
@testable import SpotifySandbox

/// What the router answers itself comes in Spotify's error shape, as JSON.
@Suite struct SpotifyErrorMiddlewareTests {
    func expectSpotifyError(_ response: TestResponse, _ status: HTTPResponse.Status, _ message: String) throws {
        #expect(response.status == status)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        let body = try #require(
            try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: [String: Any]])
        #expect(Set(body.keys) == ["error"] && body["error"]?.count == 2)
        #expect(body["error"]?["status"] as? Int == Int(status.code))
        #expect(body["error"]?["message"] as? String == message)
    }

    @Test(arguments: ["/v1/nowhere", "/v1/me/nothing", "/", "/favicon.ico", "/v1/artists/x/y/z"])
    func anUnknownPathIsServiceNotFound(path: String) async throws {
        try await SandboxHarness.run { sandbox in
            try expectSpotifyError(try await sandbox.get(path, token: "any"), .notFound, "Service not found")
        }
    }

    @Test func aMethodThePathDoesNotTakeIs405WithTheAllowedOnes() async throws {
        try await SandboxHarness.run { sandbox in
            let me = try await sandbox.client.execute(uri: "/v1/me", method: .delete)
            try expectSpotifyError(me, .methodNotAllowed, "Method not allowed")
            #expect(me.headers[.allow] == "GET")
            let items = try await sandbox.client.execute(uri: "/v1/playlists/abc/items", method: .patch)
            try expectSpotifyError(items, .methodNotAllowed, "Method not allowed")
            #expect(items.headers[.allow] == "GET, POST")
            try expectSpotifyError(try await sandbox.client.execute(uri: "/api/token", method: .get), .methodNotAllowed, "Method not allowed")
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let huge = try await sandbox.send(.post, "/v1/me/playlists", token: token, json: String(repeating: " ", count: (1 << 20) + 1))
            try expectSpotifyError(huge, .contentTooLarge, "Request entity too large")
            let form = try await sandbox.client.execute(
                uri: "/api/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(repeating: UInt8(ascii: "a"), count: (1 << 16) + 1))
            try expectSpotifyError(form, .contentTooLarge, "Request entity too large")
        }
    }
}
