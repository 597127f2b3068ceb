import Foundation

/// What both ends of a PKCE login (RFC 7636) agree on: the S256 method, and how the
/// SHA-256 digest of a verifier travels as the challenge.
public enum PKCEChallenge {
    public static let method = "S256"

    /// The challenge for a verifier's SHA-256 digest: base64url without padding.
    public static func text(ofDigest digest: some Sequence<UInt8>) -> String {
        Data(digest).base64URLEncodedString()
    }
}

extension Data {
    /// Base64 with `-` and `_` and no padding, as URLs and JWTs use it.
    public func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
