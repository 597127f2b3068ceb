/// A path as a `file://` URL, percent-encoded byte for byte as Node's
/// `pathToFileURL` writes it, so clients see the URIs the reference filesystem
/// server gives (Foundation's `URL` leaves other bytes unencoded).
enum FileURL {
    /// Bytes kept as they are; every other byte becomes `%XX`.
    private static let kept = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$&'()*+,-./:;=@_".utf8)

    static func string(forPath path: String) -> String {
        var encoded = "file://"
        for byte in path.utf8 {
            if kept.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
