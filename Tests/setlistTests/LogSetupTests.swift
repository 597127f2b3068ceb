import Foundation
import Testing

@testable import setlist

@Suite struct LogSetupTests {
    @Test func timestampsAreUTCToTheSecond() throws {
        let before = Date().timeIntervalSince1970.rounded(.down)
        let text = StandardErrorLogHandler.utcTimestamp()
        let after = Date().timeIntervalSince1970
        #expect(text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil)
        let read = try #require(try? Date(text, strategy: .iso8601)).timeIntervalSince1970
        #expect(read >= before && read <= after)
    }
}
