import Testing

@testable import ServerKit

/// Header values read as bytes: lists, media types in any case, spaces around.
@Suite struct HeaderValuesTests {
    @Test(arguments: [
        ("application/json, text/event-stream", true),
        ("text/html,Application/JSON;q=0.9", true),
        ("  application/json  ", true),
        ("text/html, */*;q=0.1", true),
        ("application/*", true),
        ("application/jsonp", false),
        ("text/event-stream", false),
        ("", false),
        (" , ,", false),
    ])
    func anAcceptListNamesAMediaTypeInAnyCaseWithParametersAside(accept: String, namesJSON: Bool) {
        #expect(accept.listsMediaType("application/json", "application/*", "*/*") == namesJSON)
        #expect(Substring(accept).listsMediaType("application/json", "application/*", "*/*") == namesJSON)
    }

    @Test func aContentTypeIsOneMediaType() {
        #expect("Application/Json; charset=utf-8".isMediaType("application/json"))
        #expect("\tapplication/json ".isMediaType("application/json"))
        #expect(!"application/json-seq".isMediaType("application/json"))
        #expect(!"application/js".isMediaType("application/json"))
    }

    @Test func spacesAndTabsAroundAValueAreTrimmedAndOthersKept() {
        #expect(" \t identity \t".trimmingASCIISpaces == "identity")
        #expect("   ".trimmingASCIISpaces.isEmpty)
        #expect("\u{00A0}x\u{00A0}".trimmingASCIISpaces == "\u{00A0}x\u{00A0}")
        let inner = "[ gzip , chunked ]".dropFirst().dropLast()
        #expect(inner.trimmingASCIISpaces == "gzip , chunked")
    }
}
