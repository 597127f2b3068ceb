import Testing

@testable import ServerKit

@Suite struct AuthorityTests {
    @Test(arguments: [
        ("localhost", "localhost", nil), ("Example.COM:8443", "example.com", "8443"), ("[::1]:80", "::1", "80"),
        ("[::1]", "::1", nil), ("::1", "::1", nil), ("10.0.0.1:0", "10.0.0.1", "0"), (":7000", "", "7000"),
    ] as [(String, String, String?)])
    func readsHostsAndPorts(text: String, host: String, port: String?) throws {
        let authority = try #require(Authority(parsing: text))
        #expect(authority.host == host)
        #expect(authority.port == port)
    }

    @Test(arguments: [
        "evil.com\\@localhost", "localhost@evil.com", "localhost/x", "host:", "host:http", "host:123456", "[::1", "[::1]x",
        "[evil.com]:80", "a b", "héllo.example", "localhost:1:2:3x",
    ])
    func refusesAnythingElse(text: String) {
        #expect(Authority(parsing: text) == nil)
    }

    @Test func writesIPv6InBracketsWhenAPortFollows() {
        #expect(Authority(host: "::1", port: "8080").text == "[::1]:8080")
        #expect(Authority(host: "example.com", port: "80").text == "example.com:80")
        #expect(Authority(host: "example.com").text == "example.com")
        #expect(Authority(parsing: "[::1]:99")?.portNumber == 99)
        #expect(Authority(parsing: "host:99999")?.portNumber == nil)
    }
}
