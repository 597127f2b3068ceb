import Testing

@testable import ServerKit

@Suite struct AccessPolicyTests {
    let local = AccessPolicy()

    @Test(arguments: ["localhost", "localhost:8080", "127.0.0.1:1", "[::1]:8080", "[::1]", "LOCALHOST:9"])
    func admitsLoopbackNamesOnAnyPort(host: String) {
        #expect(local.check(host: host, origin: nil, authorization: nil) == nil)
    }

    @Test(arguments: ["evil.com", "localhost.evil.com", "127.0.0.1.nip.io:8080", "evil.com:8080", "[::2]:80", "0.0.0.0:8080"])
    func refusesOtherHostsWith421(host: String) {
        #expect(local.check(host: host, origin: nil, authorization: nil)?.status == 421)
    }

    @Test(arguments: ["http://localhost:3000", "http://127.0.0.1", "http://[::1]:8080", "https://localhost"])
    func admitsLoopbackOrigins(origin: String) {
        #expect(local.check(host: "localhost:8080", origin: origin, authorization: nil) == nil)
    }

    @Test(arguments: ["http://evil.com", "http://localhost.evil.com:3000", "null", "file://", "localhost"])
    func refusesOtherOriginsWith403(origin: String) {
        let denial = local.check(host: "localhost:8080", origin: origin, authorization: nil)
        #expect(denial?.status == 403)
        #expect(denial?.message.contains("--allow-host") == true)
    }

    @Test func acceptsConfiguredNamesWithOrWithoutAPort() {
        let deployed = AccessPolicy(extraHosts: ["Clock.Example.run.app", "api.example.com:8443"])
        #expect(deployed.check(host: "clock.example.run.app", origin: "https://clock.example.run.app", authorization: nil) == nil)
        #expect(deployed.check(host: "api.example.com:8443", origin: nil, authorization: nil) == nil)
        #expect(deployed.check(host: "api.example.com:9000", origin: nil, authorization: nil)?.status == 421)
    }

    @Test func aStarAcceptsAnyHost() {
        #expect(AccessPolicy(extraHosts: ["*"]).check(host: "anything.example", origin: "https://x.y", authorization: nil) == nil)
    }

    @Test func requiresTheBearerTokenWhenOneIsSet() {
        let guarded = AccessPolicy(bearerToken: "s3cret")
        #expect(guarded.check(host: "localhost", origin: nil, authorization: "Bearer s3cret") == nil)
        #expect(guarded.check(host: "localhost", origin: nil, authorization: "bearer s3cret") == nil)
        for attempt in [nil, "Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "s3cret"] {
            let denial = guarded.check(host: "localhost", origin: nil, authorization: attempt)
            #expect(denial?.status == 401)
            #expect(denial?.headers["WWW-Authenticate"] == "Bearer realm=\"setlist\"")
            #expect(denial?.message.contains("s3cret") == false)
        }
    }

    @Test func refusesARequestWithoutHostUnlessAnyHostIsAllowed() {
        #expect(local.check(host: nil, origin: nil, authorization: nil)?.status == 421)
        #expect(AccessPolicy(extraHosts: ["*"]).check(host: nil, origin: nil, authorization: nil) == nil)
    }

    @Test(arguments: ["clock-abc.a.run.app", "example.com:8443", "*", "[::1]:80", "10.0.0.1"])
    func acceptsHostEntries(entry: String) {
        #expect(AccessPolicy.isValidHostEntry(entry))
    }

    @Test(arguments: ["https://x.run.app", "x.run.app/", "user@host", "", ":80", "a b"])
    func refusesHostEntriesThatAreNoHostName(entry: String) {
        #expect(!AccessPolicy.isValidHostEntry(entry))
    }

    @Test func comparesTokensCompletely() {
        #expect(!AccessPolicy.constantTimeEqual("abc" + String(repeating: "\0", count: 256), "abc"))
        #expect(AccessPolicy.constantTimeEqual("abc", "abc"))
        #expect(!AccessPolicy.constantTimeEqual("abc", "abd"))
        #expect(!AccessPolicy.constantTimeEqual("abc", "abcd"))
        #expect(!AccessPolicy.constantTimeEqual("", "a"))
    }
}
