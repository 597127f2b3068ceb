import Foundation

@testable import Capture

enum JSONDecoderForTests {
    static func decode(_ text: String) throws -> CaptureReport {
        try JSONDecoder().decode(CaptureReport.self, from: Data(text.utf8))
    }
}
