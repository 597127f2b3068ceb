import HTTPTypes
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

    @Test func aFieldReadsAsTheSubscriptReadsIt() {
        var fields: HTTPFields = [.contentType: "application/json", .accept: "application/json"]
        fields.append(HTTPField(name: .accept, value: "text/event-stream"))
        fields.append(HTTPField(name: .cookie, value: "a=1"))
        fields.append(HTTPField(name: .cookie, value: "b=2"))
        #expect(fields.value(.contentType) == "application/json")
        #expect(fields.value(HTTPField.Name("CONTENT-type")!) == "application/json")
        // Repeated fields are joined, so a second one is never overlooked.
        #expect(fields.value(.accept) == "application/json, text/event-stream")
        #expect(fields.value(.cookie) == "a=1; b=2")
        #expect(fields.value(.origin) == nil)
        for name in [HTTPField.Name.contentType, .accept, .cookie, .origin] { #expect(fields.value(name) == fields[name]) }
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
