import Testing

@testable import Capture

@Suite struct SecretMaskingTests {
    @Test func bearerTokensShowOnlyTheirSchemeAndLength() {
        #expect(SecretMasking.header("Authorization", "Bearer abcdef") == "Bearer ••••(6 characters)")
        #expect(SecretMasking.header("Content-Type", "application/json") == "application/json")
    }

    @Test func secretQueryParametersOfARequestLineAreMasked() {
        #expect(
            SecretMasking.startLine("GET /mcp?session=7&access_token=abcd&api_key=k HTTP/1.1")
                == "GET /mcp?session=7&access_token=••••(4 characters)&api_key=••••(1 characters) HTTP/1.1")
        #expect(SecretMasking.startLine("POST /mcp HTTP/1.1") == "POST /mcp HTTP/1.1")
        #expect(SecretMasking.startLine("HTTP/1.1 200 OK") == "HTTP/1.1 200 OK")
    }
}
