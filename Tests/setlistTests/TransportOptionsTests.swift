import ArgumentParser
import Testing

@testable import setlist

@Suite struct TransportOptionsTests {
    @Test(arguments: [
        ("127.0.0.1:8080", nil, "127.0.0.1", 8080), ("0.0.0.0", "9090", "0.0.0.0", 9090), ("0.0.0.0", nil, "0.0.0.0", 8080),
        (":7000", nil, "0.0.0.0", 7000), ("[::1]:8443", nil, "::1", 8443), ("[::]", "8081", "::", 8081),
        ("localhost:0", "1", "localhost", 0),
    ] as [(String, String?, String, Int)])
    func readsHostAndPortWithPortFromTheEnvironment(address: String, environmentPort: String?, host: String, port: Int) throws {
        let parsed = try #require(HTTPAddress(argument: address))
        #expect(parsed.host == host)
        #expect(try parsed.port ?? HTTPAddress.port(fromEnvironment: environmentPort) == port)
    }

    @Test(arguments: ["127.0.0.1:http", "127.0.0.1:70000", "[::1:80", "host:", "a b:80", "user@host:80"])
    func refusesAddressesItCannotServeAsTheOptionIsParsed(address: String) {
        #expect(HTTPAddress(argument: address) == nil)
        #expect(throws: (any Error).self) { try Setlist.parseAsRoot(["serve", "clock", "--http", address]) }
    }

    @Test func refusesAnAllowedHostThatIsAURL() {
        #expect(throws: (any Error).self) {
            try Setlist.parseAsRoot(["serve", "clock", "--http", "127.0.0.1:0", "--allow-host", "https://clock.run.app"])
        }
        #expect(throws: Never.self) {
            try Setlist.parseAsRoot(["serve", "clock", "--http", "127.0.0.1:0", "--allow-host", "clock.run.app"])
        }
    }

    @Test func refusesAPortVariableThatIsNotAPort() {
        #expect(throws: ValidationError.self) { try HTTPAddress.port(fromEnvironment: "http") }
    }

    @Test func httpOptionsNeedHTTP() {
        #expect(throws: (any Error).self) { try Setlist.parseAsRoot(["serve", "clock", "--stateful"]) }
        #expect(throws: (any Error).self) { try Setlist.parseAsRoot(["serve", "clock", "--allow-host", "a.example"]) }
        #expect(throws: Never.self) { try Setlist.parseAsRoot(["serve", "clock", "--http", "127.0.0.1:0", "--stateful"]) }
    }
}
