import Testing

@testable import ServerKit

@Suite struct HeaderValueEncodingTests {
    @Test(arguments: [
        ("us-west1", "us-west1"),
        ("Hello, 世界", "=?base64?SGVsbG8sIOS4lueVjA==?="),
        (" padded ", "=?base64?IHBhZGRlZCA=?="),
        ("line1\nline2", "=?base64?bGluZTEKbGluZTI=?="),
        ("=?base64?literal?=", "=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?="),
    ])
    func valuesAHeaderCannotCarryAreInBase64AndComeBack(value: String, header: String) {
        #expect(HeaderValueEncoding.encoded(value) == header)
        #expect(HeaderValueEncoding.decoded(header) == value)
    }

    @Test func aWrappedValueThatIsNotBase64IsTakenAsItIs() {
        #expect(HeaderValueEncoding.decoded("=?base64?not base64!?=") == "=?base64?not base64!?=")
        #expect(HeaderValueEncoding.decoded("=?base64??=") == "")
    }
}
