import Crypto

/// The first hex digits of a text's SHA-256: the same on every run and machine, and
/// telling nothing of the text (server arguments and URLs may hold tokens).
func shortDigest(_ text: String, digits: Int) -> String {
    let hex = SHA256.hash(data: Array(text.utf8)).map { byte in
        let digits = String(byte, radix: 16)
        return byte < 16 ? "0" + digits : digits
    }.joined()
    return String(hex.prefix(digits))
}
