import Testing

@testable import Capture

@Suite struct SecretMaskingTests {
    @Test func bearerTokensShowOnlyTheirSchemeAndLength() {
        #expect(SecretMasking.header("Authorization", "Bearer abcdef") == "Bearer ••••(6 characters)")
        #expect(SecretMasking.header("Content-Type", "application/json") == "application/json")
    }

    @Test func sessionIDsKeepOnlyEnoughToTellSessionsApart() {
        #expect(SecretMasking.header("Mcp-Session-Id", "0b7c4f0e-9a51-4be2-8c1e-7d2f5a6b9c01") == "0b7c4f••••(36 characters)")
        #expect(SecretMasking.header("mcp-session-id", "short") == "••••(5 characters)")
    }

    @Test func secretQueryParametersOfARequestLineAreMasked() {
        #expect(
            SecretMasking.startLine("GET /mcp?session=7&access_token=abcd&api_key=k HTTP/1.1")
                == "GET /mcp?session=7&access_token=••••(4 characters)&api_key=••••(1 characters) HTTP/1.1")
        #expect(SecretMasking.startLine("POST /mcp HTTP/1.1") == "POST /mcp HTTP/1.1")
        #expect(SecretMasking.startLine("HTTP/1.1 200 OK") == "HTTP/1.1 200 OK")
    }
}
