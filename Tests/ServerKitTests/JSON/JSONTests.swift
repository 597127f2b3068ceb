import Foundation
import MCP
import Testing

@testable import ServerKit

@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            Data(#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": "", "f": 0} "#.utf8))
        #expect(
            value == ["a": [1, -2.5, 300.0, true, false, .null], "b": ["c": "d"], "e": "", "f": 0])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(Data(#""tab\t quote\" slash\/ back\\ \u00e9 \ud83c\udfb5 \n""#.utf8))
        #expect(value == .string("tab\t quote\" slash/ back\\ é 🎵 \n"))
    }

    @Test func keepsStringsThatLookLikeDataURLs() throws {
        #expect(try JSONParser.parse(Data(#""data:,hello""#.utf8)) == .string("data:,hello"))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "01x", "1 2", "{\"a\":1}}", "\"\u{01}\"", "-", "1.", "[\"\\q\"]"])
    func refusesMalformedText(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test(arguments: ["01", "-01", "1.e5", ".5", "+1", "1e", "1e+", "0x10", "--1", "1.5.5", "1e400", "-1e400"])
    func refusesNumbersJSONDoesNotWrite(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test func readsNumbersAsJSONWritesThem() throws {
        #expect(try JSONParser.parse(Data("-0".utf8)) == 0)
        #expect(try JSONParser.parse(Data("1E2".utf8)) == 100.0)
        #expect(try JSONParser.parse(Data("9223372036854775807".utf8)) == .int(Int.max))
        #expect(try JSONParser.parse(Data("9223372036854775808".utf8)) == .double(9_223_372_036_854_775_808))
    }

    @Test(arguments: [
        Data([0x22, 0xFF, 0x22]), Data([0x22, 0xC3, 0x22]), Data([0x22, 0xED, 0xA0, 0x80, 0x22]),
        Data(#""\ud800""#.utf8), Data(#""\udc00x""#.utf8), Data(#""\ud800\u0041""#.utf8),
    ])
    func refusesTextThatIsNotUnicode(data: Data) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(data) }
    }

    @Test func keepsTheTextOfNumericIdsOfAMessageOrABatch() throws {
        let single = try Data(#"{"id": 18446744073709551616, "params": {"id": 1.0}}"#.utf8).withUnsafeBytes {
            try JSONParser.parseMessageBody($0)
        }
        #expect(single.numericIDs == [0: "18446744073709551616"])
        let batch = try Data(#"[{"id": "a"}, {"id": 1e2}, {"x": {"id": 3}}, {"id": -0}]"#.utf8).withUnsafeBytes {
            try JSONParser.parseMessageBody($0)
        }
        #expect(batch.numericIDs == [1: "1e2", 3: "-0"])
    }

    @Test func readsIllFormedTextLenientlyOnlyWhenAsked() throws {
        let data = Data([0x22, 0x61, 0xFF, 0x22])
        let lenient = try data.withUnsafeBytes { try JSONParser.parseMessageBody($0, lenient: true) }
        #expect(lenient.value == .string("a\u{FFFD}"))
    }

    @Test func refusesNestingDeeperThanItsLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Data(deep.utf8)) }
    }

    @Test func writesWhatItReads() throws {
        let original: Value = [
            "text": "line\nbreak \"quoted\" \u{1} é 🎵", "numbers": [1, -7, 2.5], "flag": false, "none": .null,
            "nested": ["empty": [:], "list": []],
        ]
        let written = JSONWriter.data(original)
        #expect(try JSONParser.parse(written) == original)
        #expect(try JSONDecoder().decode(Value.self, from: written) == original)
        #expect(JSONWriter.string(["b": 1, "a": 2]) == #"{"a":2,"b":1}"#)
    }
}

@Suite struct ValueCodingTests {
    struct Album: Codable, Equatable {
        struct Track: Codable, Equatable {
            let title: String
            let seconds: Int
        }
        let name: String
        let year: UInt16
        let rating: Double?
        let tags: [String]
        let tracks: [Track]
        let extra: Value?
    }

    let album = Album(
        name: "Sandbox Sessions", year: 2026, rating: 4.5, tags: ["lofi", "café"],
        tracks: [.init(title: "Rain", seconds: 181), .init(title: "Coffee", seconds: 204)], extra: ["any": [1, "two"]])

    @Test func encodesAndDecodesWithoutJSONText() throws {
        let value = try ValueEncoder().encode(album)
        #expect(value.objectValue?["year"] == 2026)
        #expect(value.objectValue?["tracks"]?.arrayValue?.first == ["title": "Rain", "seconds": 181])
        #expect(try ValueDecoder().decode(Album.self, from: value) == album)
    }

    @Test func agreesWithFoundationsJSONCoders() throws {
        let viaJSON = try JSONParser.parse(try JSONEncoder().encode(album))
        #expect(try ValueEncoder().encode(album) == viaJSON)
    }

    @Test func leavesOutNilOptionals() throws {
        let value = try ValueEncoder().encode(Album(name: "x", year: 1, rating: nil, tags: [], tracks: [], extra: nil))
        #expect(value.objectValue?.keys.sorted() == ["name", "tags", "tracks", "year"])
    }

    @Test func namesWhereDecodingFailed() {
        let broken: Value = ["name": "x", "year": 1, "tags": [], "tracks": [["title": "a", "seconds": "long"]]]
        #expect {
            _ = try ValueDecoder().decode(Album.self, from: broken)
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.codingPath.dottedPath == "tracks[0].seconds"
        }
    }

    @Test func refusesIntegersThatDoNotFit() throws {
        #expect(throws: DecodingError.self) { try ValueDecoder().decode(UInt8.self, from: 300) }
        #expect(throws: DecodingError.self) { try ValueDecoder().decode(Int.self, from: 1.5) }
        #expect(try ValueDecoder().decode(Int.self, from: 2.0) == 2)
    }
}
